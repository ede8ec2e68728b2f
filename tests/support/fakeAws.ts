/**
 * A local stand-in for AWS on 127.0.0.1 (port 0) that the REAL SDK v3 talks to: IAM and STS in
 * the Query protocol (form-encoded POST, XML answers), Account in REST-JSON
 * (`POST /getAlternateContact`). It serves many accounts: each request's account is found from
 * the access key id in its SigV4 Authorization header, so assumed-role credentials can map to
 * member accounts, and requests are counted per account and per action.
 *
 * Tests script each account: how many GenerateCredentialReport polls answer before COMPLETE,
 * errors to return first for an action (Throttling, AccessDenied, ...), and added latency.
 * Point clients at it with `endpoint: fake.url`, or AWS_ENDPOINT_URL for a child process.
 */
import * as http from "http";
import { AddressInfo } from "net";
import { credentialReportCsv, RootSpec, UserSpec } from "./credentialReport";

export interface ScriptedError {
  readonly code: string;
  readonly status: number;
  readonly message?: string;
}

export const errors = {
  accessDenied: (action: string): ScriptedError => ({
    code: "AccessDenied",
    status: 403,
    message: `User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:${action}`,
  }),
  throttling: { code: "Throttling", status: 400, message: "Rate exceeded" } as ScriptedError,
  reportInProgress: {
    code: "ReportInProgress",
    status: 404,
    message: "Report is being generated",
  } as ScriptedError,
  accountAccessDenied: {
    code: "AccessDeniedException",
    status: 403,
    message: "not authorized",
  } as ScriptedError,
};

export interface FakeAccount {
  readonly accountId: string;
  readonly root?: RootSpec;
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
  /** Errors returned, in order, before an action answers normally (key: Action, or "GetAlternateContact"). */
  readonly failFirst?: Readonly<Record<string, readonly ScriptedError[]>>;
  /** Every answer waits this long. */
  readonly latencyMs?: number;
  readonly now?: Date;
}

interface AccountState {
  readonly spec: FakeAccount;
  readonly csv: string;
  polls: number;
  readonly pending: Map<string, ScriptedError[]>;
  readonly counts: Map<string, number>;
}

const IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function xml(action: string, ns: string, result: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>fake-${action}</RequestId></ResponseMetadata></${action}Response>`;
}

function page<T>(items: readonly T[], params: URLSearchParams): { items: readonly T[]; tail: string } {
  const start = Number(params.get("Marker") ?? 0);
  const max = Number(params.get("MaxItems") ?? 100);
  const end = Math.min(items.length, start + max);
  const truncated = end < items.length;
  return {
    items: items.slice(start, end),
    tail: `<IsTruncated>${truncated}</IsTruncated>${truncated ? `<Marker>${end}</Marker>` : ""}`,
  };
}

const member = (inner: string) => `<member>${inner}</member>`;

export class FakeAws {
  private readonly accounts = new Map<string, AccountState>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  /** Requests whose access key id matched no account. */
  unknownRequests = 0;

  private constructor() {}

  static async start(): Promise<FakeAws> {
    const fake = new FakeAws();
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Serves `spec` to requests signed with `accessKeyId`; resets its counters. */
  addAccount(accessKeyId: string, spec: FakeAccount): void {
    const csv = credentialReportCsv(spec.accountId, spec.root ?? {}, spec.users ?? []);
    const pending = new Map(Object.entries(spec.failFirst ?? {}).map(([k, v]) => [k, [...v]]));
    this.accounts.set(accessKeyId, { spec, csv, polls: 0, pending, counts: new Map() });
  }

  /** Requests per action for one access key id's account. */
  counts(accessKeyId: string): Record<string, number> {
    return Object.fromEntries(this.accounts.get(accessKeyId)?.counts ?? []);
  }

  total(accessKeyId: string): number {
    return Object.values(this.counts(accessKeyId)).reduce((a, b) => a + b, 0);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const key = /Credential=([^/]+)\//.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const state = this.accounts.get(key);
    const isAccountApi = req.url?.startsWith("/getAlternateContact") ?? false;
    const params = new URLSearchParams(isAccountApi ? "" : body);
    const action = isAccountApi ? "GetAlternateContact" : (params.get("Action") ?? "");
    if (!state) {
      this.unknownRequests++;
      return this.queryError(
        res,
        { code: "InvalidClientTokenId", status: 403, message: "unknown key" },
        STS_NS,
      );
    }
    state.counts.set(action, (state.counts.get(action) ?? 0) + 1);
    if (state.spec.latencyMs) await new Promise((r) => setTimeout(r, state.spec.latencyMs));
    const scripted = state.pending.get(action)?.shift();
    if (isAccountApi)
      return this.account(
        res,
        state,
        JSON.parse(body || "{}") as { AlternateContactType?: string },
        scripted,
      );
    const ns = action === "GetCallerIdentity" ? STS_NS : IAM_NS;
    if (scripted) return this.queryError(res, scripted, ns);
    const result = this.iam(state, action, params);
    if (typeof result !== "string") return this.queryError(res, result, ns);
    res.writeHead(200, { "content-type": "text/xml" }).end(xml(action, ns, result));
  }

  private queryError(res: http.ServerResponse, e: ScriptedError, ns: string): void {
    res
      .writeHead(e.status, { "content-type": "text/xml" })
      .end(
        `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${e.code}</Code><Message>${esc(e.message ?? e.code)}</Message></Error><RequestId>fake-error</RequestId></ErrorResponse>`,
      );
  }

  private account(
    res: http.ServerResponse,
    state: AccountState,
    input: { AlternateContactType?: string },
    scripted: ScriptedError | undefined,
  ): void {
    const type = input.AlternateContactType ?? "";
    const missing = !(state.spec.contacts ?? []).includes(type as "SECURITY");
    const e =
      scripted ??
      (missing ? { code: "ResourceNotFoundException", status: 404, message: "No contact" } : undefined);
    if (e) {
      res
        .writeHead(e.status, { "content-type": "application/json", "x-amzn-errortype": e.code })
        .end(JSON.stringify({ message: e.message }));
      return;
    }
    const contact = {
      AlternateContactType: type,
      Name: "Sec Team",
      Title: "Security",
      EmailAddress: "sec@example.com",
      PhoneNumber: "+1 555 0100",
    };
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ AlternateContact: contact }));
  }

  /** The XML result of one IAM/STS action, or the error it answers. */
  private iam(state: AccountState, action: string, params: URLSearchParams): string | ScriptedError {
    const { spec } = state;
    const users = spec.users ?? [];
    const now = (spec.now ?? new Date()).toISOString();
    switch (action) {
      case "GetCallerIdentity":
        return `<Arn>arn:aws:iam::${spec.accountId}:user/auditor</Arn><UserId>AIDAFAKE</UserId><Account>${spec.accountId}</Account>`;
      case "GetAccountSummary": {
        const s = spec.summary ?? {
          AccountAccessKeysPresent: 0,
          AccountMFAEnabled: 1,
          AccountPasswordPresent: 1,
        };
        const entries = { ...s, Users: users.length, MFADevicesInUse: users.filter((u) => u.mfa).length };
        return `<SummaryMap>${Object.entries(entries)
          .map(([k, v]) => `<entry><key>${k}</key><value>${v}</value></entry>`)
          .join("")}</SummaryMap>`;
      }
      case "GenerateCredentialReport": {
        const polls = spec.pollsBeforeComplete ?? 0;
        const st =
          state.polls === 0 && polls > 0 ? "STARTED" : state.polls < polls ? "INPROGRESS" : "COMPLETE";
        state.polls++;
        return `<State>${st}</State><Description>fake</Description>`;
      }
      case "GetCredentialReport":
        if (state.polls <= (spec.pollsBeforeComplete ?? 0)) return errors.reportInProgress;
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
            message: "The Password Policy with domain name 123456789012 cannot be found.",
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
}
