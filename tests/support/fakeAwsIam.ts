/**
 * fakeAws's answers for IAM and STS GetCallerIdentity in the Query protocol (XML), one account's
 * state at a time: the credential report, the account summary, virtual MFA devices (paginated),
 * the password policy, and the per-user calls the per-user approach makes (for the benchmark).
 */
import { RootSpec, UserSpec } from "./credentialReport";
import type { LastAccessedSpec } from "./fakeAwsLastAccessed";
import type { PermissionsSpec } from "./permissionSpec";

export interface ScriptedError {
  readonly code: string;
  readonly status: number;
  readonly message?: string;
}

export const IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
export const STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function xml(action: string, ns: string, result: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>fake-${action}</RequestId></ResponseMetadata></${action}Response>`;
}

/** What one fake account holds and how it answers. */
export interface FakeAccount {
  readonly accountId: string;
  /** Shown by Organizations ListAccounts. */
  readonly name?: string;
  readonly root?: RootSpec;
  /** The credential report leaves out the `<root_account>` row, as moto's does. */
  readonly reportWithoutRoot?: boolean;
  readonly users?: readonly UserSpec[];
  readonly summary?: {
    readonly AccountAccessKeysPresent: number;
    readonly AccountMFAEnabled: number;
    readonly AccountPasswordPresent: number;
  };
  /** Serial numbers of virtual MFA devices assigned to root. */
  readonly rootVirtualMfa?: readonly string[];
  /** Users with MFA hold a virtual device (listed by ListVirtualMFADevices) unless false. */
  readonly usersVirtualMfa?: boolean;
  /** null: no password policy (GetAccountPasswordPolicy answers NoSuchEntity). */
  readonly passwordPolicy?: Record<string, number | boolean> | null;
  readonly contacts?: readonly ("BILLING" | "OPERATIONS" | "SECURITY")[];
  /** GenerateCredentialReport answers STARTED, then INPROGRESS, this many times before COMPLETE. */
  readonly pollsBeforeComplete?: number;
  /**
   * Errors returned, in order, before an action answers normally (key: Action, or
   * "GetAlternateContact"; "AssumeRole" counts against the account whose role is assumed).
   */
  readonly failFirst?: Readonly<Record<string, readonly ScriptedError[]>>;
  /** Errors an action always answers (e.g. `{ AssumeRole: errors.accessDenied(...) }`). */
  readonly failAlways?: Readonly<Record<string, ScriptedError>>;
  /**
   * The roles STS AssumeRole can assume in this account, by name; default: only
   * OrganizationAccountAccessRole, trusting anyone. A role with `externalId` requires it.
   */
  readonly roles?: Readonly<Record<string, { readonly externalId?: string }>>;
  /** Who can do what: GetAccountAuthorizationDetails and the other permission reads (fakeAwsPermissions.ts). */
  readonly permissions?: PermissionsSpec;
  /** Service last-accessed jobs (fakeAwsLastAccessed.ts); absent: the two calls are not implemented. */
  readonly lastAccessed?: LastAccessedSpec;
  /** Every answer about this account waits this long (on top of the server's latency). */
  readonly latencyMs?: number;
  readonly now?: Date;
  /** Hostile: these actions (true: every action) are accepted and never answered. */
  readonly neverAnswer?: true | readonly string[];
  /** Hostile: these actions (true: every action) answer HTTP 200 with an HTML page (fakeAws's `htmlPage`). */
  readonly htmlAnswer?: true | readonly string[];
  /** GetAccountSummary leaves these keys out of its SummaryMap (moto has no AccountPasswordPresent). */
  readonly summaryWithout?: readonly string[];
  /** GenerateCredentialReport answers this State on every call (one IAM does not document). */
  readonly reportState?: string;
}

/** Whether `action` is among `actions` (true: every action). */
export function listed(actions: true | readonly string[] | undefined, action: string): boolean {
  return actions === true || (actions?.includes(action) ?? false);
}

export interface IamState {
  readonly spec: FakeAccount;
  readonly csv: string;
  polls: number;
}

/** One Marker/MaxItems page of `items` and its IsTruncated/Marker tail (IAM's Query paging). */
export function page<T>(items: readonly T[], params: URLSearchParams): { items: readonly T[]; tail: string } {
  const start = Number(params.get("Marker") ?? 0);
  const max = Number(params.get("MaxItems") ?? 100);
  const end = Math.min(items.length, start + max);
  const truncated = end < items.length;
  return {
    items: items.slice(start, end),
    tail: `<IsTruncated>${truncated}</IsTruncated>${truncated ? `<Marker>${end}</Marker>` : ""}`,
  };
}

export const member = (inner: string) => `<member>${inner}</member>`;

export const reportInProgress: ScriptedError = {
  code: "ReportInProgress",
  status: 404,
  message: "Report is being generated",
};

/** The XML result of one IAM/STS action for `state`'s account, or the error it answers. */
export function iamAnswer(
  state: IamState,
  action: string,
  params: URLSearchParams,
  callerArn: string,
): string | ScriptedError {
  const { spec } = state;
  const users = spec.users ?? [];
  const now = (spec.now ?? new Date()).toISOString();
  switch (action) {
    case "GetCallerIdentity":
      return `<Arn>${callerArn}</Arn><UserId>AIDAFAKE</UserId><Account>${spec.accountId}</Account>`;
    case "GetAccountSummary": {
      const s = spec.summary ?? {
        AccountAccessKeysPresent: 0,
        AccountMFAEnabled: 1,
        AccountPasswordPresent: 1,
      };
      const entries = { ...s, Users: users.length, MFADevicesInUse: users.filter((u) => u.mfa).length };
      return `<SummaryMap>${Object.entries(entries)
        .filter(([k]) => !(spec.summaryWithout ?? []).includes(k))
        .map(([k, v]) => `<entry><key>${k}</key><value>${v}</value></entry>`)
        .join("")}</SummaryMap>`;
    }
    case "GenerateCredentialReport": {
      const polls = spec.pollsBeforeComplete ?? 0;
      const st =
        spec.reportState ??
        (state.polls === 0 && polls > 0 ? "STARTED" : state.polls < polls ? "INPROGRESS" : "COMPLETE");
      state.polls++;
      return `<State>${st}</State><Description>fake</Description>`;
    }
    case "GetCredentialReport":
      if (state.polls <= (spec.pollsBeforeComplete ?? 0)) return reportInProgress;
      return `<Content>${Buffer.from(state.csv).toString("base64")}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>${now}</GeneratedTime>`;
    case "ListVirtualMFADevices": {
      const devices = [
        ...(spec.rootVirtualMfa ?? []).map((serial) => ({
          serial,
          arn: `arn:aws:iam::${spec.accountId}:root`,
          name: "",
        })),
        ...(spec.usersVirtualMfa === false ? [] : users.filter((u) => u.mfa)).map((u) => ({
          serial: `arn:aws:iam::${spec.accountId}:mfa/${u.name}`,
          arn: `arn:aws:iam::${spec.accountId}:user/${u.name}`,
          name: u.name,
        })),
      ];
      const p = page(devices, params);
      return `<VirtualMFADevices>${p.items.map((d) => member(`<SerialNumber>${d.serial}</SerialNumber><User><Path>/</Path><UserName>${d.name}</UserName><UserId>AIDA${d.name}</UserId><Arn>${d.arn}</Arn><CreateDate>${now}</CreateDate></User><EnableDate>${now}</EnableDate>`)).join("")}</VirtualMFADevices>${p.tail}`;
    }
    case "GetAccountPasswordPolicy": {
      if (!spec.passwordPolicy)
        return {
          code: "NoSuchEntity",
          status: 404,
          message: `The Password Policy with domain name ${spec.accountId} cannot be found.`,
        };
      return `<PasswordPolicy>${Object.entries(spec.passwordPolicy)
        .map(([k, v]) => `<${k}>${v}</${k}>`)
        .join("")}</PasswordPolicy>`;
    }
    case "ListUsers": {
      const p = page(users, params);
      return `<Users>${p.items.map((u) => member(`<Path>/</Path><UserName>${u.name}</UserName><UserId>AIDA${u.name}</UserId><Arn>arn:aws:iam::${spec.accountId}:user/${u.name}</Arn><CreateDate>${u.createdAt}</CreateDate>`)).join("")}</Users>${p.tail}`;
    }
    case "ListAccessKeys": {
      const u = users.find((x) => x.name === params.get("UserName"));
      const keys = (u?.keys ?? []).flatMap((k, i) => (k ? [{ ...k, id: `AKIA${i}${u?.name}` }] : []));
      return `<AccessKeyMetadata>${keys.map((k) => member(`<UserName>${u?.name}</UserName><AccessKeyId>${k.id}</AccessKeyId><Status>${k.active ? "Active" : "Inactive"}</Status><CreateDate>${k.lastRotated}</CreateDate>`)).join("")}</AccessKeyMetadata><IsTruncated>false</IsTruncated>`;
    }
    case "ListMFADevices": {
      const u = users.find((x) => x.name === params.get("UserName"));
      const has = u?.mfa
        ? member(
            `<UserName>${u.name}</UserName><SerialNumber>arn:aws:iam::${spec.accountId}:mfa/${u.name}</SerialNumber><EnableDate>${now}</EnableDate>`,
          )
        : "";
      return `<MFADevices>${has}</MFADevices><IsTruncated>false</IsTruncated>`;
    }
    default:
      return { code: "InvalidAction", status: 400, message: `fakeAws does not implement ${action}` };
  }
}
