/**
 * A local stand-in for AWS on 127.0.0.1 (port 0) that the REAL SDK v3 talks to: IAM and STS in
 * the Query protocol (form-encoded POST, XML answers), Account in REST-JSON
 * (`POST /getAlternateContact`), Organizations in JSON 1.1 (`X-Amz-Target:
 * AWSOrganizationsV20161128.ListAccounts`). It serves many accounts: each request's account is
 * found from the access key id in its SigV4 Authorization header, and STS AssumeRole hands out
 * credentials whose key id maps to the account of the role, so an organization's member
 * accounts are reached as in AWS. Requests are counted per account and per action.
 *
 * Tests script each account: how many GenerateCredentialReport polls answer before COMPLETE,
 * errors to return first or always for an action (Throttling, AccessDenied, ...), the roles that
 * can be assumed, and added latency. `maxConcurrentAccounts` is the most accounts that had a
 * request in flight at the same moment (AssumeRole counts for the account whose role is
 * assumed; Organizations calls count for none), so a test can check a concurrency bound.
 * Point clients at it with `endpoint: fake.url`, or AWS_ENDPOINT_URL for a child process.
 */
import * as http from "http";
import { AddressInfo } from "net";
import { credentialReportCsv } from "./credentialReport";
import {
  authorizationEntities,
  defaultPermissions,
  listAnalyzersAnswer,
  permissionsAnswer,
} from "./fakeAwsPermissions";
import {
  FakeAccount,
  iamAnswer,
  IamState,
  IAM_NS,
  listed,
  ScriptedError,
  STS_NS,
  esc,
  xml,
} from "./fakeAwsIam";
import { lastAccessedAnswer } from "./fakeAwsLastAccessed";

export type { FakeAccount, ScriptedError } from "./fakeAwsIam";

export const errors = {
  accessDenied: (action: string, service = "iam"): ScriptedError => ({
    code: "AccessDenied",
    status: 403,
    message: `User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: ${service}:${action}`,
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
  /** IAM's answer when too many reports are being generated at once (not a Throttling code: the SDK does not retry it). */
  limitExceeded: {
    code: "LimitExceeded",
    status: 409,
    message: "There are no more capacity to launch new report generation tasks.",
  } as ScriptedError,
  organizationsAccessDenied: {
    code: "AccessDeniedException",
    status: 400,
    message: "You don't have permissions to access this resource.",
  } as ScriptedError,
};

interface AccountState extends IamState {
  /** GetAccountAuthorizationDetails' items, built on first use. */
  entities?: ReturnType<typeof authorizationEntities>;
  readonly pending: Map<string, ScriptedError[]>;
  readonly counts: Map<string, number>;
  inFlight: number;
}

/** Credentials the fake knows: an account, and the ARN GetCallerIdentity answers for them. */
interface Principal {
  readonly state: AccountState;
  readonly arn: string;
}

export interface OrganizationMember {
  readonly accountId: string;
  readonly name?: string;
  /** ListAccounts' State (and the deprecated Status, derived from it); default ACTIVE. */
  readonly state?: "ACTIVE" | "SUSPENDED" | "PENDING_ACTIVATION" | "CLOSED";
}

export interface AssumeRoleRequest {
  readonly roleArn: string;
  readonly sessionName: string | null;
  readonly externalId: string | null;
  readonly durationSeconds: number | null;
  readonly sourceIdentity: string | null;
  /** The account of the credentials that signed the request. */
  readonly callerAccountId: string;
  /** The region in the request's SigV4 credential scope. */
  readonly region: string;
}

interface OrganizationState {
  readonly managementAccountId: string;
  readonly members: OrganizationMember[];
  readonly pageSize: number;
  readonly failPage?: { readonly page: number; readonly error: ScriptedError };
}

const ORGANIZATIONS_TARGET = "AWSOrganizationsV20161128.";
const roleArnPattern = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const defaultRoles = { OrganizationAccountAccessRole: {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A captive portal's page that is well-formed XML, so an XML parser reads it without complaint. */
export const portalPage =
  '<html><head><title>Network login</title></head><body><h1>Sign in to continue</h1><form action="/login"><input name="user"/></form></body></html>';
/** A proxy's page as browsers accept it: not XML (unclosed tags). */
export const brokenPortalPage =
  '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Proxy</title></head><body><p>Access to this site is blocked<br>by policy</p></body></html>';

export class FakeAws {
  private readonly principals = new Map<string, Principal>();
  private readonly byId = new Map<string, AccountState>();
  private organization: OrganizationState = { managementAccountId: "", members: [], pageSize: 20 };
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private sessions = 0;
  private busyAccounts = 0;
  /** Requests whose access key id matched no account. */
  unknownRequests = 0;
  /** Every answer waits this long (ms), on top of each account's own latency. */
  latencyMs = 0;
  /** The most accounts with a request in flight at one moment since the last reset. */
  maxConcurrentAccounts = 0;
  /** Every AssumeRole request, in arrival order. */
  readonly assumeRoleRequests: AssumeRoleRequest[] = [];
  /** The page an account's `htmlAnswer` actions answer with. */
  htmlPage = portalPage;

  private constructor() {}

  static async start(): Promise<FakeAws> {
    const fake = new FakeAws();
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * Serves `spec` to requests signed with `accessKeyId` (null: reachable only through
   * AssumeRole); resets its counters.
   */
  addAccount(accessKeyId: string | null, spec: FakeAccount): void {
    const csv = credentialReportCsv(spec.accountId, spec.root ?? {}, spec.users ?? [], {
      withoutRoot: spec.reportWithoutRoot,
    });
    const pending = new Map(Object.entries(spec.failFirst ?? {}).map(([k, v]) => [k, [...v]]));
    const state: AccountState = { spec, csv, polls: 0, pending, counts: new Map(), inFlight: 0 };
    // Built now, not on the first GetAccountAuthorizationDetails, so a read's timing is the reader's.
    this.entities(state);
    this.byId.set(spec.accountId, state);
    if (accessKeyId !== null) {
      this.principals.set(accessKeyId, { state, arn: `arn:aws:iam::${spec.accountId}:user/auditor` });
    }
  }

  /**
   * The organization ListAccounts answers to the management account's credentials, `pageSize`
   * per page; `failPage` makes the request for that page (0-based) answer `error` instead.
   */
  setOrganization(
    managementAccountId: string,
    members: readonly OrganizationMember[],
    pageSize = 20,
    failPage?: { readonly page: number; readonly error: ScriptedError },
  ): void {
    this.organization = { managementAccountId, members: [...members], pageSize, failPage };
  }

  /** Requests per action for one access key id's account. */
  counts(accessKeyId: string): Record<string, number> {
    return Object.fromEntries(this.principals.get(accessKeyId)?.state.counts ?? []);
  }

  /** Requests per action concerning one account id (AssumeRole: the account of the role). */
  countsFor(accountId: string): Record<string, number> {
    return Object.fromEntries(this.byId.get(accountId)?.counts ?? []);
  }

  total(accessKeyId: string): number {
    return Object.values(this.counts(accessKeyId)).reduce((a, b) => a + b, 0);
  }

  /** Every request the fake answered, over all accounts. */
  grandTotal(): number {
    let n = 0;
    for (const s of this.byId.values()) for (const c of s.counts.values()) n += c;
    return n;
  }

  resetConcurrency(): void {
    this.maxConcurrentAccounts = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const auth = /Credential=([^/]+)\/\d+\/([^/]+)\//.exec(req.headers.authorization ?? "");
    const principal = this.principals.get(auth?.[1] ?? "");
    const target = String(req.headers["x-amz-target"] ?? "");
    if (!principal) {
      this.unknownRequests++;
      await sleep(this.latencyMs);
      return queryError(res, { code: "InvalidClientTokenId", status: 403, message: "unknown key" }, STS_NS);
    }
    if (target.startsWith(ORGANIZATIONS_TARGET)) {
      return this.organizations(res, principal, target.slice(ORGANIZATIONS_TARGET.length), body);
    }
    const isAccountApi = req.url?.startsWith("/getAlternateContact") ?? false;
    const isAnalyzerApi = req.url?.startsWith("/analyzer") ?? false;
    const params = new URLSearchParams(isAccountApi || isAnalyzerApi ? "" : body);
    const action = isAccountApi
      ? "GetAlternateContact"
      : isAnalyzerApi
        ? "ListAnalyzers"
        : (params.get("Action") ?? "");
    const concerned =
      action === "AssumeRole"
        ? (this.byId.get(roleArnPattern.exec(params.get("RoleArn") ?? "")?.[1] ?? "") ?? principal.state)
        : principal.state;
    this.enter(concerned);
    try {
      concerned.counts.set(action, (concerned.counts.get(action) ?? 0) + 1);
      if (this.hostile(res, concerned, action)) return;
      await sleep(this.latencyMs + (concerned.spec.latencyMs ?? 0));
      const scripted = concerned.pending.get(action)?.shift() ?? concerned.spec.failAlways?.[action];
      if (isAccountApi) {
        return account(
          res,
          concerned,
          JSON.parse(body || "{}") as { AlternateContactType?: string },
          scripted,
        );
      }
      if (isAnalyzerApi) {
        return restJson(res, scripted, () =>
          listAnalyzersAnswer(
            concerned.spec.permissions ?? defaultPermissions,
            auth?.[2] ?? "",
            new URL(req.url ?? "/", "http://x").searchParams,
            concerned.spec.accountId,
          ),
        );
      }
      const ns = action === "GetCallerIdentity" || action === "AssumeRole" ? STS_NS : IAM_NS;
      if (scripted) return queryError(res, scripted, ns);
      const result =
        action === "AssumeRole"
          ? this.assumeRole(principal, params, auth?.[2] ?? "")
          : (lastAccessedAnswer(concerned, action, params) ??
            permissionsAnswer(
              concerned.spec.accountId,
              concerned.spec.permissions ?? defaultPermissions,
              () => this.entities(concerned),
              action,
              params,
            ) ??
            iamAnswer(concerned, action, params, principal.arn));
      if (typeof result !== "string") return queryError(res, result, ns);
      res.writeHead(200, { "content-type": "text/xml" }).end(xml(action, ns, result));
    } finally {
      this.leave(concerned);
    }
  }

  /**
   * Answers as a hostile network would when the account's spec says so for `action`: never
   * (the connection stays open and silent until the client gives up or the fake stops), or with
   * HTTP 200 and an HTML page. True when it did.
   */
  private hostile(res: http.ServerResponse, s: AccountState, action: string): boolean {
    if (listed(s.spec.neverAnswer, action)) return true;
    if (!listed(s.spec.htmlAnswer, action)) return false;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(this.htmlPage);
    return true;
  }

  private entities(s: AccountState): NonNullable<AccountState["entities"]> {
    s.entities ??= authorizationEntities(
      s.spec.accountId,
      s.spec.permissions ?? defaultPermissions,
      (s.spec.users ?? []).map((u) => u.name),
    );
    return s.entities;
  }

  private enter(s: AccountState): void {
    if (s.inFlight++ === 0) this.busyAccounts++;
    this.maxConcurrentAccounts = Math.max(this.maxConcurrentAccounts, this.busyAccounts);
  }

  private leave(s: AccountState): void {
    if (--s.inFlight === 0) this.busyAccounts--;
  }

  /** STS AssumeRole: credentials for the role's account, if the role exists and the request satisfies it. */
  private assumeRole(caller: Principal, params: URLSearchParams, region: string): string | ScriptedError {
    const roleArn = params.get("RoleArn") ?? "";
    const sessionName = params.get("RoleSessionName");
    const externalId = params.get("ExternalId");
    const duration = params.get("DurationSeconds");
    this.assumeRoleRequests.push({
      roleArn,
      sessionName,
      externalId,
      durationSeconds: duration === null ? null : Number(duration),
      sourceIdentity: params.get("SourceIdentity"),
      callerAccountId: caller.state.spec.accountId,
      region,
    });
    const match = roleArnPattern.exec(roleArn);
    if (!match || !sessionName || !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      return { code: "ValidationError", status: 400, message: "invalid RoleArn or RoleSessionName" };
    }
    const denied: ScriptedError = {
      code: "AccessDenied",
      status: 403,
      message: `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    };
    const state = this.byId.get(match[1]);
    const role = (state?.spec.roles ?? defaultRoles)[match[2] as keyof typeof defaultRoles] as
      { externalId?: string } | undefined;
    if (!state || !role || (role.externalId !== undefined && role.externalId !== externalId)) return denied;
    const key = `ASIAFAKE${String(++this.sessions).padStart(12, "0")}`;
    const arn = `arn:aws:sts::${match[1]}:assumed-role/${match[2]}/${sessionName}`;
    this.principals.set(key, { state, arn });
    const expiration = new Date(Date.now() + 3600_000).toISOString();
    return `<Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>fakeSecret${this.sessions}</SecretAccessKey><SessionToken>fakeToken${this.sessions}</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKE:${esc(sessionName)}</AssumedRoleId><Arn>${esc(arn)}</Arn></AssumedRoleUser><PackedPolicySize>0</PackedPolicySize>`;
  }

  /** Organizations ListAccounts in JSON 1.1, paginated with NextToken; only the management account may call it. */
  private async organizations(
    res: http.ServerResponse,
    caller: Principal,
    operation: string,
    body: string,
  ): Promise<void> {
    const state = caller.state;
    state.counts.set(operation, (state.counts.get(operation) ?? 0) + 1);
    if (this.hostile(res, state, operation)) return;
    await sleep(this.latencyMs + (state.spec.latencyMs ?? 0));
    const scripted = state.pending.get(operation)?.shift() ?? state.spec.failAlways?.[operation];
    if (scripted) return jsonError(res, scripted);
    if (operation !== "ListAccounts") {
      return jsonError(res, {
        code: "InvalidAction",
        status: 400,
        message: `fakeAws does not implement ${operation}`,
      });
    }
    const org = this.organization;
    if (state.spec.accountId !== org.managementAccountId) {
      return jsonError(res, {
        code: "AWSOrganizationsNotInUseException",
        status: 400,
        message: "Your account is not a member of an organization.",
      });
    }
    const input = JSON.parse(body || "{}") as { NextToken?: string; MaxResults?: number };
    const start = Number(input.NextToken ?? 0);
    if (org.failPage && start === org.failPage.page * org.pageSize) return jsonError(res, org.failPage.error);
    const end = Math.min(org.members.length, start + Math.min(input.MaxResults ?? 20, org.pageSize));
    const accounts = org.members.slice(start, end).map((m) => {
      const s = m.state ?? "ACTIVE";
      return {
        Id: m.accountId,
        Arn: `arn:aws:organizations::${org.managementAccountId}:account/o-fake/${m.accountId}`,
        Email: `aws+${m.accountId}@example.com`,
        Name: m.name ?? `account-${m.accountId}`,
        State: s,
        Status: s === "CLOSED" ? "SUSPENDED" : s === "PENDING_ACTIVATION" ? "ACTIVE" : s,
        JoinedMethod: "CREATED",
        JoinedTimestamp: 1_700_000_000,
      };
    });
    const out = { Accounts: accounts, ...(end < org.members.length ? { NextToken: String(end) } : {}) };
    res.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(out));
  }
}

function queryError(res: http.ServerResponse, e: ScriptedError, ns: string): void {
  res
    .writeHead(e.status, { "content-type": "text/xml" })
    .end(
      `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${e.code}</Code><Message>${esc(e.message ?? e.code)}</Message></Error><RequestId>fake-error</RequestId></ErrorResponse>`,
    );
}

/** A REST-JSON answer (Access Analyzer): the scripted error, or the body. */
function restJson(res: http.ServerResponse, scripted: ScriptedError | undefined, body: () => string): void {
  if (scripted) {
    res
      .writeHead(scripted.status, { "content-type": "application/json", "x-amzn-errortype": scripted.code })
      .end(JSON.stringify({ message: scripted.message ?? scripted.code }));
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(body());
}

function jsonError(res: http.ServerResponse, e: ScriptedError): void {
  res
    .writeHead(e.status, { "content-type": "application/x-amz-json-1.1" })
    .end(JSON.stringify({ __type: e.code, message: e.message ?? e.code }));
}

/** Account GetAlternateContact in REST-JSON: the contact, or ResourceNotFoundException when not registered. */
function account(
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
