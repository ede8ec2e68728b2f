/**
 * Account facts from the AWS APIs, with the SDK for JavaScript v3: STS GetCallerIdentity, IAM
 * GetAccountSummary, the credential report (GenerateCredentialReport polled with backoff and a
 * bounded total wait, then GetCredentialReport), ListVirtualMFADevices (assigned),
 * GetAccountPasswordPolicy, and Account GetAlternateContact for the three types. The number of
 * calls does not grow with the number of IAM users: the report carries every user.
 *
 * Never throws: each read that fails becomes an unavailable fact naming the permission or cause.
 * Never hangs: every request has timeouts that throw, and every call runs under one deadline for
 * the account (deadline.ts). Never invents: an answer without what the API always returns (an
 * HTML page read as XML, an empty JSON object) is an unavailable fact, never "no policy".
 * The SDK is loaded on first use, not when the pack starts (it would slow the pack's start).
 */
import type { AccountClient } from "@aws-sdk/client-account";
import type { IAMClient } from "@aws-sdk/client-iam";
import { attempt, fact, notAwsAnswer, present, ReadFailure } from "./awsErrors";
import { defaultDeadlineSeconds, defaultReportWaitSeconds } from "./config";
import { callUnder, Deadline, requestHandlerConfig, Send, startDeadline } from "./deadline";
import { quietSdk } from "./sdkWarning";
import { CredentialReportError, parseCredentialReport } from "./csv";
import {
  AccountFacts,
  AccountSummary,
  available,
  ContactType,
  contactTypes,
  Fact,
  isAvailable,
  ReportUser,
  summaryKeys,
} from "./facts";
import type { PasswordPolicySettings } from "../rules/passwordPolicy";
import { PermissionReadOptions, readPermissionFacts } from "./permissions/readSnapshot";

export interface ApiReadOptions extends PermissionReadOptions {
  /** Longest total wait for IAM to generate the credential report, in seconds. */
  readonly reportWaitSeconds?: number;
  /** First pause between report polls, in ms; doubles up to `maxPollMs`. */
  readonly initialPollMs?: number;
  readonly maxPollMs?: number;
  /** Called once when the report is not ready yet (the CLI starts its spinner). */
  readonly onReportPending?: () => void;
  /**
   * The account the credentials belong to, when the caller already knows it (an organization's
   * listing, an assumed role's ARN): sts:GetCallerIdentity is then not called.
   */
  readonly accountId?: string;
  /** Merged into every client's configuration: credentials of an assumed role, an endpoint, a region. */
  readonly clientConfig?: Readonly<Record<string, unknown>>;
  /** Each request's time to answer before it fails (and the SDK retries it); default 10 s. */
  readonly requestTimeoutMs?: number;
  /** The longest the whole read of the account may take (used when no `deadline` is given). */
  readonly deadlineSeconds?: number;
  /** How the user sets the deadline, named when it passes (default `accountDeadlineSeconds`). */
  readonly deadlineSetting?: string;
  /** A deadline already running (the role assumption before this read spent part of it). */
  readonly deadline?: Deadline;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly clock?: () => number;
}

type Iam = typeof import("@aws-sdk/client-iam");

interface Report {
  readonly users: Fact<readonly ReportUser[]>;
  readonly generatedAt: Date | null;
  readonly accountId: string | null;
}

const reportStates = ["STARTED", "INPROGRESS", "COMPLETE"];

/** IAM refused a new report for lack of capacity (LimitExceeded): throttling, waited out like a pending report. */
function noCapacity(e: unknown, sdk: Iam): boolean {
  return e instanceof sdk.LimitExceededException || (e as { name?: string })?.name === "LimitExceeded";
}

async function readReport(
  iam: IAMClient,
  sdk: Iam,
  o: ApiReadOptions & { readonly deadline: Deadline },
  send: Send,
): Promise<Report> {
  const clock = o.clock ?? Date.now;
  const waitSeconds = o.reportWaitSeconds ?? defaultReportWaitSeconds;
  const deadline = clock() + waitSeconds * 1000;
  let pause = o.initialPollMs ?? 1000;
  let notified = false;
  for (;;) {
    const permission = "iam:GenerateCredentialReport";
    let state: string | undefined;
    try {
      const gen = await send(permission, (opts) =>
        iam.send(new sdk.GenerateCredentialReportCommand({}), opts),
      );
      state = present(permission, gen.State, "a State");
      if (!reportStates.includes(state)) {
        throw new ReadFailure(
          `${permission} answered State "${state}"; only ${reportStates.slice(0, -1).join(", ")} and ${reportStates[reportStates.length - 1]} are expected, so the report was not read`,
        );
      }
    } catch (e) {
      if (!noCapacity(e, sdk)) return attempt(permission, () => Promise.reject(e));
    }
    if (state === "COMPLETE") {
      const got = await getReport(iam, sdk, send);
      if (got) return got;
    }
    if (clock() + pause > deadline) {
      throw new ReadFailure(
        state === undefined
          ? `IAM had no capacity to generate the credential report for ${waitSeconds} s (${permission}: LimitExceeded); run the check again later or raise credentialReportWaitSeconds`
          : `the credential report was still being generated after ${waitSeconds} s (${permission}); raise credentialReportWaitSeconds or run the check again`,
      );
    }
    if (!notified) o.onReportPending?.();
    notified = true;
    await (o.sleep ?? o.deadline.sleep)(pause);
    pause = Math.min(pause * 2, o.maxPollMs ?? 5000);
  }
}

/** The report, or undefined when IAM says it is not ready (in progress, expired, not present). */
async function getReport(iam: IAMClient, sdk: Iam, send: Send): Promise<Report | undefined> {
  const permission = "iam:GetCredentialReport";
  let out;
  try {
    out = await send(permission, (opts) => iam.send(new sdk.GetCredentialReportCommand({}), opts));
  } catch (e) {
    const retry =
      e instanceof sdk.CredentialReportNotReadyException ||
      e instanceof sdk.CredentialReportExpiredException ||
      e instanceof sdk.CredentialReportNotPresentException;
    if (retry) return undefined;
    return attempt(permission, () => Promise.reject(e));
  }
  const content = present(permission, out.Content, "its Content");
  try {
    const report = parseCredentialReport(content);
    return {
      users: { value: report.users },
      generatedAt: out.GeneratedTime ?? null,
      accountId: report.accountId,
    };
  } catch (e) {
    if (!(e instanceof CredentialReportError)) throw e;
    return {
      users: { unavailable: `the credential report IAM returned could not be read: ${e.message}` },
      generatedAt: out.GeneratedTime ?? null,
      accountId: null,
    };
  }
}

/**
 * The keys IAM returned (an emulator may leave some out: the rules say which check needs a
 * missing one); an answer with none of them is not IAM's.
 */
async function readSummary(iam: IAMClient, sdk: Iam, send: Send): Promise<AccountSummary> {
  const permission = "iam:GetAccountSummary";
  const out = await attempt(permission, () =>
    send(permission, (opts) => iam.send(new sdk.GetAccountSummaryCommand({}), opts)),
  );
  const m: Partial<Record<string, number>> = present(permission, out.SummaryMap, "a SummaryMap");
  const summary = Object.fromEntries(
    Object.entries(summaryKeys).flatMap(([field, key]) => {
      const v = m[key];
      return typeof v === "number" ? [[field, v > 0]] : [];
    }),
  ) as AccountSummary;
  if (Object.keys(summary).length === 0) {
    throw new ReadFailure(
      notAwsAnswer(permission, `a SummaryMap with none of ${Object.values(summaryKeys).join(", ")}`),
    );
  }
  return summary;
}

/** Serial numbers of the virtual MFA devices assigned to root; stops paging once root's are found. */
async function readRootVirtualMfa(iam: IAMClient, sdk: Iam, send: Send): Promise<string[]> {
  const permission = "iam:ListVirtualMFADevices";
  let marker: string | undefined;
  do {
    const page = await attempt(permission, () =>
      send(permission, (opts) =>
        iam.send(
          new sdk.ListVirtualMFADevicesCommand({
            AssignmentStatus: "Assigned",
            MaxItems: 1000,
            Marker: marker,
          }),
          opts,
        ),
      ),
    );
    const root = present(permission, page.VirtualMFADevices, "a VirtualMFADevices list")
      .filter((d) => /^arn:aws[\w-]*:iam::\d{12}:root$/.test(d.User?.Arn ?? ""))
      .map((d) => d.SerialNumber ?? "(unnamed device)");
    if (root.length > 0) return root;
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return [];
}

/** The policy; null only when IAM answers NoSuchEntity (no policy set), never for an answer without one. */
async function readPasswordPolicy(
  iam: IAMClient,
  sdk: Iam,
  send: Send,
): Promise<PasswordPolicySettings | null> {
  const permission = "iam:GetAccountPasswordPolicy";
  let out;
  try {
    out = await send(permission, (opts) => iam.send(new sdk.GetAccountPasswordPolicyCommand({}), opts));
  } catch (e) {
    if (e instanceof sdk.NoSuchEntityException) return null;
    return attempt(permission, () => Promise.reject(e));
  }
  const p = present(permission, out.PasswordPolicy, "a PasswordPolicy");
  return {
    minimumPasswordLength: p.MinimumPasswordLength,
    passwordReusePrevention: p.PasswordReusePrevention,
    maxPasswordAge: p.MaxPasswordAge,
    requireUppercaseCharacters: p.RequireUppercaseCharacters,
    requireLowercaseCharacters: p.RequireLowercaseCharacters,
    requireNumbers: p.RequireNumbers,
    requireSymbols: p.RequireSymbols,
  };
}

async function readContact(client: AccountClient, type: ContactType, send: Send): Promise<boolean> {
  const sdk = await import("@aws-sdk/client-account");
  const permission = "account:GetAlternateContact";
  let out;
  try {
    out = await send(permission, (opts) =>
      client.send(new sdk.GetAlternateContactCommand({ AlternateContactType: type }), opts),
    );
  } catch (e) {
    if (e instanceof sdk.ResourceNotFoundException) return false;
    return attempt(permission, () => Promise.reject(e));
  }
  present(permission, out.AlternateContact, "an AlternateContact");
  return true;
}

async function readCallerAccount(config: Record<string, unknown>, send: Send): Promise<string> {
  const sts = await import("@aws-sdk/client-sts");
  const client = new sts.STSClient(config);
  const permission = "sts:GetCallerIdentity";
  try {
    const out = await attempt(permission, () =>
      send(permission, (opts) => client.send(new sts.GetCallerIdentityCommand({}), opts)),
    );
    return present(permission, out.Account, "an Account");
  } finally {
    client.destroy();
  }
}

/**
 * Every client's configuration: the region (AWS_REGION, else us-east-1), retries, time-outs that
 * throw (`requestTimeoutMs`, default 10 s), then `extra`.
 */
export function baseClientConfig(
  extra: Readonly<Record<string, unknown>> = {},
  requestTimeoutMs?: number,
): Record<string, unknown> {
  quietSdk();
  return {
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    maxAttempts: 3,
    requestHandler: requestHandlerConfig(requestTimeoutMs),
    ...extra,
  };
}

/** The deadline given, or one started here for this read alone. */
export function deadlineOf(o: ApiReadOptions): { deadline: Deadline; owned: boolean } {
  if (o.deadline) return { deadline: o.deadline, owned: false };
  const s = o.deadlineSeconds ?? defaultDeadlineSeconds;
  return { deadline: startDeadline(s, o.deadlineSetting ?? "accountDeadlineSeconds"), owned: true };
}

/** Reads the account of the credentials in `clientConfig` (default: the ambient credentials). */
export async function readAccountFromApi(options: ApiReadOptions = {}): Promise<AccountFacts> {
  const config = baseClientConfig(options.clientConfig, options.requestTimeoutMs);
  const { deadline, owned } = deadlineOf(options);
  const send = callUnder(deadline);
  const o = { ...options, deadline };
  const [iamSdk, accountSdk] = await Promise.all([
    import("@aws-sdk/client-iam"),
    import("@aws-sdk/client-account"),
  ]);
  const iam = new iamSdk.IAMClient(config);
  const account = new accountSdk.AccountClient(config);
  try {
    const permissions = readPermissionFacts(iam, iamSdk, config, options, send);
    const [caller, report, summary, rootVirtualMfaDevices, passwordPolicy, ...contacts] = await Promise.all([
      options.accountId ? available(options.accountId) : fact(() => readCallerAccount(config, send)),
      fact(() => readReport(iam, iamSdk, o, send)),
      fact(() => readSummary(iam, iamSdk, send)),
      fact(() => readRootVirtualMfa(iam, iamSdk, send)),
      fact(() => readPasswordPolicy(iam, iamSdk, send)),
      ...contactTypes.map((t) => fact(() => readContact(account, t, send))),
    ]);
    const r = isAvailable(report) ? report.value : undefined;
    const users: Fact<readonly ReportUser[]> = isAvailable(report)
      ? report.value.users
      : { unavailable: report.unavailable };
    return {
      ...(await permissions),
      accountId: isAvailable(caller) ? caller.value : (r?.accountId ?? null),
      source: "aws",
      reportGeneratedAt: r?.generatedAt ?? null,
      users,
      summary,
      rootVirtualMfaDevices,
      passwordPolicy,
      alternateContacts: Object.fromEntries(contactTypes.map((t, i) => [t, contacts[i]])) as Record<
        ContactType,
        Fact<boolean>
      >,
    };
  } finally {
    if (owned) deadline.dispose();
    iam.destroy();
    account.destroy();
  }
}
