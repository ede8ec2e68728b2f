/**
 * fakeAws's answers for IAM's service last-accessed jobs in the Query protocol (XML), as AWS
 * documents them: GenerateServiceLastAccessedDetails returns a JobId; GetServiceLastAccessedDetails
 * answers JobStatus IN_PROGRESS `pollsBeforeComplete` times, then COMPLETED with
 * ServicesLastAccessed (LastAuthenticated only for a service that was used,
 * TotalAuthenticatedEntities always), paginated with Marker / IsTruncated, or FAILED with an
 * Error. An account without a `lastAccessed` spec does not implement the two calls (InvalidAction);
 * refusals (AccessDenied), throttling and latency are scripted with the account's `failFirst`,
 * `failAlways` and `latencyMs`, as for every other action. Who the principals are, and their
 * policies, is the account's `permissions` (GetAccountAuthorizationDetails, fakeAwsPermissions.ts).
 */
import { esc, type IamState, type ScriptedError } from "./fakeAwsIam";

export interface ServiceSpec {
  readonly namespace: string;
  readonly name?: string;
  /** ISO 8601; absent: never used. */
  readonly lastAuthenticated?: string;
  readonly entities?: number;
}

export interface PrincipalJobSpec {
  readonly services: readonly ServiceSpec[];
  /** IN_PROGRESS answers before COMPLETED (default 0). */
  readonly pollsBeforeComplete?: number;
  /** The job ends FAILED with this error once polled. */
  readonly failJob?: { readonly code: string; readonly message: string };
}

export interface LastAccessedSpec {
  /** By principal ARN. */
  readonly principals?: Readonly<Record<string, PrincipalJobSpec>>;
  /** For any other ARN of the account. */
  readonly otherPrincipals?: PrincipalJobSpec;
  /** Services per GetServiceLastAccessedDetails page (at most MaxItems); default 1000. */
  readonly pageSize?: number;
}

interface Job {
  readonly arn: string;
  readonly spec: PrincipalJobSpec;
  polls: number;
  readonly created: string;
}

/** Every job of each account, by JobId. */
const jobsOf = new WeakMap<IamState, Map<string, Job>>();
let nextJob = 0;

const noSuchEntity = (message: string): ScriptedError => ({ code: "NoSuchEntity", status: 404, message });

/** The XML result of one of the two actions for `state`'s account; undefined for any other action. */
export function lastAccessedAnswer(
  state: IamState & { readonly spec: { readonly lastAccessed?: LastAccessedSpec } },
  action: string,
  params: URLSearchParams,
): string | ScriptedError | undefined {
  const spec = state.spec.lastAccessed;
  if (!spec) return undefined;
  let jobs = jobsOf.get(state);
  if (!jobs) jobsOf.set(state, (jobs = new Map()));
  const now = (state.spec.now ?? new Date()).toISOString();
  if (action === "GenerateServiceLastAccessedDetails") {
    const arn = params.get("Arn") ?? "";
    const job =
      spec.principals?.[arn] ??
      (arn.includes(`::${state.spec.accountId}:`) ? spec.otherPrincipals : undefined);
    if (!job) return noSuchEntity(`The entity ${arn} cannot be found.`);
    const id = `fake-job-${++nextJob}`;
    jobs.set(id, { arn, spec: job, polls: 0, created: now });
    return `<JobId>${id}</JobId>`;
  }
  if (action !== "GetServiceLastAccessedDetails") return undefined;
  const job = jobs.get(params.get("JobId") ?? "");
  if (!job) return noSuchEntity(`No job ${params.get("JobId")}`);
  const head = `<JobType>SERVICE_LEVEL</JobType><JobCreationDate>${job.created}</JobCreationDate>`;
  if (job.polls++ < (job.spec.pollsBeforeComplete ?? 0)) {
    return `<JobStatus>IN_PROGRESS</JobStatus>${head}<ServicesLastAccessed/><IsTruncated>false</IsTruncated>`;
  }
  const done = `${head}<JobCompletionDate>${now}</JobCompletionDate>`;
  if (job.spec.failJob) {
    return `<JobStatus>FAILED</JobStatus>${done}<ServicesLastAccessed/><Error><Message>${esc(job.spec.failJob.message)}</Message><Code>${esc(job.spec.failJob.code)}</Code></Error>`;
  }
  const start = Number(params.get("Marker") ?? 0);
  const size = Math.min(Number(params.get("MaxItems") ?? 100), spec.pageSize ?? 1000);
  const all = job.spec.services;
  const end = Math.min(all.length, start + size);
  const members = all
    .slice(start, end)
    .map(
      (s) =>
        `<member><ServiceName>${esc(s.name ?? s.namespace)}</ServiceName><ServiceNamespace>${s.namespace}</ServiceNamespace>${s.lastAuthenticated ? `<LastAuthenticated>${s.lastAuthenticated}</LastAuthenticated><LastAuthenticatedEntity>${esc(job.arn)}</LastAuthenticatedEntity><LastAuthenticatedRegion>us-east-1</LastAuthenticatedRegion>` : ""}<TotalAuthenticatedEntities>${s.entities ?? (s.lastAuthenticated ? 1 : 0)}</TotalAuthenticatedEntities></member>`,
    )
    .join("");
  const truncated = end < all.length;
  return `<JobStatus>COMPLETED</JobStatus>${done}<ServicesLastAccessed>${members}</ServicesLastAccessed><IsTruncated>${truncated}</IsTruncated>${truncated ? `<Marker>${end}</Marker>` : ""}`;
}
