/**
 * Account facts from the AWS APIs, with the SDK for JavaScript v3: STS GetCallerIdentity, IAM
 * GetAccountSummary, the credential report (GenerateCredentialReport polled with backoff and a
 * bounded total wait, then GetCredentialReport), ListVirtualMFADevices (assigned),
 * GetAccountPasswordPolicy, and Account GetAlternateContact for the three types. The number of
 * calls does not grow with the number of IAM users: the report carries every user.
 *
 * Never throws: each read that fails becomes an unavailable fact naming the permission or cause.
 * The SDK is loaded on first use, not when the pack starts (it would slow the pack's start).
 */
import type { AccountClient } from "@aws-sdk/client-account";
import type { IAMClient } from "@aws-sdk/client-iam";
import { attempt, ReadFailure } from "./awsErrors";
import { defaultReportWaitSeconds } from "./config";
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
} from "./facts";
import type { PasswordPolicySettings } from "../rules/passwordPolicy";

export interface ApiReadOptions {
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
  readonly sleep?: (ms: number) => Promise<void>;
  readonly clock?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves a read to a Fact: its value, or the ReadFailure's reason. */
async function fact<T>(read: () => Promise<T>): Promise<Fact<T>> {
  try {
    return { value: await read() };
  } catch (e) {
    if (e instanceof ReadFailure) return { unavailable: e.message };
    return { unavailable: `unexpected error: ${(e as Error).message ?? String(e)}` };
  }
}

type Iam = typeof import("@aws-sdk/client-iam");

interface Report {
  readonly users: Fact<readonly ReportUser[]>;
  readonly generatedAt: Date | null;
  readonly accountId: string | null;
}

async function readReport(iam: IAMClient, sdk: Iam, o: ApiReadOptions): Promise<Report> {
  const clock = o.clock ?? Date.now;
  const sleep = o.sleep ?? defaultSleep;
  const waitSeconds = o.reportWaitSeconds ?? defaultReportWaitSeconds;
  const deadline = clock() + waitSeconds * 1000;
  let pause = o.initialPollMs ?? 1000;
  let notified = false;
  for (;;) {
    const gen = await attempt("iam:GenerateCredentialReport", () =>
      iam.send(new sdk.GenerateCredentialReportCommand({})),
    );
    if (gen.State === "COMPLETE") {
      const got = await getReport(iam, sdk);
      if (got) return got;
    }
    if (clock() + pause > deadline) {
      throw new ReadFailure(
        `the credential report was still being generated after ${waitSeconds} s (iam:GenerateCredentialReport); raise credentialReportWaitSeconds or run the check again`,
      );
    }
    if (!notified) o.onReportPending?.();
    notified = true;
    await sleep(pause);
    pause = Math.min(pause * 2, o.maxPollMs ?? 5000);
  }
}

/** The report, or undefined when IAM says it is not ready (in progress, expired, not present). */
async function getReport(iam: IAMClient, sdk: Iam): Promise<Report | undefined> {
  let out;
  try {
    out = await iam.send(new sdk.GetCredentialReportCommand({}));
  } catch (e) {
    const retry =
      e instanceof sdk.CredentialReportNotReadyException ||
      e instanceof sdk.CredentialReportExpiredException ||
      e instanceof sdk.CredentialReportNotPresentException;
    if (retry) return undefined;
    return attempt("iam:GetCredentialReport", () => Promise.reject(e));
  }
  try {
    const report = parseCredentialReport(out.Content ?? new Uint8Array());
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

async function readSummary(iam: IAMClient, sdk: Iam): Promise<AccountSummary> {
  const out = await attempt("iam:GetAccountSummary", () => iam.send(new sdk.GetAccountSummaryCommand({})));
  const m: Partial<Record<string, number>> = out.SummaryMap ?? {};
  const flag = (key: string): boolean => {
    const v = m[key];
    if (v === undefined) throw new ReadFailure(`iam:GetAccountSummary did not return ${key}`);
    return v > 0;
  };
  return {
    accountAccessKeysPresent: flag("AccountAccessKeysPresent"),
    accountMfaEnabled: flag("AccountMFAEnabled"),
    accountPasswordPresent: flag("AccountPasswordPresent"),
  };
}

/** Serial numbers of the virtual MFA devices assigned to root; stops paging once root's are found. */
async function readRootVirtualMfa(iam: IAMClient, sdk: Iam): Promise<string[]> {
  let marker: string | undefined;
  do {
    const page = await attempt("iam:ListVirtualMFADevices", () =>
      iam.send(
        new sdk.ListVirtualMFADevicesCommand({
          AssignmentStatus: "Assigned",
          MaxItems: 1000,
          Marker: marker,
        }),
      ),
    );
    const root = (page.VirtualMFADevices ?? [])
      .filter((d) => /^arn:aws[\w-]*:iam::\d{12}:root$/.test(d.User?.Arn ?? ""))
      .map((d) => d.SerialNumber ?? "(unnamed device)");
    if (root.length > 0) return root;
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return [];
}

async function readPasswordPolicy(iam: IAMClient, sdk: Iam): Promise<PasswordPolicySettings | null> {
  let p;
  try {
    p = (await iam.send(new sdk.GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
  } catch (e) {
    if (e instanceof sdk.NoSuchEntityException) return null;
    return attempt("iam:GetAccountPasswordPolicy", () => Promise.reject(e));
  }
  if (!p) return null;
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

async function readContact(client: AccountClient, type: ContactType): Promise<boolean> {
  const sdk = await import("@aws-sdk/client-account");
  try {
    await client.send(new sdk.GetAlternateContactCommand({ AlternateContactType: type }));
    return true;
  } catch (e) {
    if (e instanceof sdk.ResourceNotFoundException) return false;
    return attempt("account:GetAlternateContact", () => Promise.reject(e));
  }
}

async function readCallerAccount(config: Record<string, unknown>): Promise<string> {
  const sts = await import("@aws-sdk/client-sts");
  const client = new sts.STSClient(config);
  try {
    const out = await attempt("sts:GetCallerIdentity", () =>
      client.send(new sts.GetCallerIdentityCommand({})),
    );
    if (!out.Account) throw new ReadFailure("sts:GetCallerIdentity returned no account id");
    return out.Account;
  } finally {
    client.destroy();
  }
}

/** Every client's configuration: the region (AWS_REGION, else us-east-1), retries and time-outs, then `extra`. */
export function baseClientConfig(extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 },
    ...extra,
  };
}

/** Reads the account of the credentials in `clientConfig` (default: the ambient credentials). */
export async function readAccountFromApi(options: ApiReadOptions = {}): Promise<AccountFacts> {
  const config = baseClientConfig(options.clientConfig);
  const [iamSdk, accountSdk] = await Promise.all([
    import("@aws-sdk/client-iam"),
    import("@aws-sdk/client-account"),
  ]);
  const iam = new iamSdk.IAMClient(config);
  const account = new accountSdk.AccountClient(config);
  try {
    const [caller, report, summary, rootVirtualMfaDevices, passwordPolicy, ...contacts] = await Promise.all([
      options.accountId ? available(options.accountId) : fact(() => readCallerAccount(config)),
      fact(() => readReport(iam, iamSdk, options)),
      fact(() => readSummary(iam, iamSdk)),
      fact(() => readRootVirtualMfa(iam, iamSdk)),
      fact(() => readPasswordPolicy(iam, iamSdk)),
      ...contactTypes.map((t) => fact(() => readContact(account, t))),
    ]);
    const r = isAvailable(report) ? report.value : undefined;
    const users: Fact<readonly ReportUser[]> = isAvailable(report)
      ? report.value.users
      : { unavailable: report.unavailable };
    return {
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
    iam.destroy();
    account.destroy();
  }
}
