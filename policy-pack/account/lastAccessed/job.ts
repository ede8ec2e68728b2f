/**
 * One principal's service last-accessed data: iam:GenerateServiceLastAccessedDetails (service
 * level) starts a job, iam:GetServiceLastAccessedDetails polls it (IN_PROGRESS, COMPLETED or
 * FAILED) with a doubling pause and a bound on the total pause, then reads every page (Marker).
 * Every call goes through `call` (the request bound and the account's deadline).
 *
 * An endpoint that refuses the calls (access denied, not implemented, credentials rejected)
 * throws `Refused`: every other principal would be refused too. Anything else that stops one
 * principal (a failed job, the bound, throttling past the SDK's retries, an answer that is not
 * IAM's) is that principal's `unavailable` reason.
 */
import type { IAMClient } from "@aws-sdk/client-iam";
import { describeAwsFailure, isNotImplemented, ReadFailure } from "../awsErrors";
import type { Send } from "../deadline";
import { describePrincipal, Principal } from "./principal";

export const generatePermission = "iam:GenerateServiceLastAccessedDetails";
export const getPermission = "iam:GetServiceLastAccessedDetails";

export interface ServiceUse {
  /** "s3", as in an action's prefix. */
  readonly namespace: string;
  /** "Amazon Simple Storage Service". */
  readonly name: string;
  /** The last authenticated attempt; null when none in IAM's tracking period. */
  readonly lastAuthenticated: Date | null;
  /** How many entities attempted it (a group: its members); null when IAM did not say. */
  readonly totalAuthenticatedEntities: number | null;
}

export type PrincipalUse =
  | { readonly principal: Principal; readonly services: readonly ServiceUse[] }
  | { readonly principal: Principal; readonly unavailable: string };

/** The calls were refused for the account: `message` names the permission. */
export class Refused extends Error {}

/** Runs one AWS call (under the request bound and the deadline); `call` names it for a failure. */
export type Call = Send;

export interface JobTiming {
  /** First pause after an IN_PROGRESS answer, in ms; doubles up to `maxPollMs`. */
  readonly initialPollMs: number;
  readonly maxPollMs: number;
  /** The longest total pause for one principal's job, in seconds. */
  readonly waitSeconds: number;
  readonly sleep: (ms: number) => Promise<void>;
}

type Iam = typeof import("@aws-sdk/client-iam");

const refusal =
  /AccessDenied|UnauthorizedOperation|NotAuthorized|InvalidClientTokenId|UnrecognizedClient|ExpiredToken|SignatureDoesNotMatch|InvalidAccessKeyId/;

/** The refusal a failed call is (access denied, not implemented, credentials rejected), if it is one. */
export function refusalOf(permission: string, e: unknown): Refused | undefined {
  if (e instanceof Refused) return e;
  const name = (e as { name?: string } | undefined)?.name ?? "";
  if (isNotImplemented(e)) {
    return new Refused(
      `${permission} is not implemented by this endpoint (${name}), so no principal's last-accessed data could be read`,
    );
  }
  return refusal.test(name) ? new Refused(describeAwsFailure(permission, e)) : undefined;
}

/** Why a call failed; throws `Refused` when the endpoint refuses the call itself. */
function failure(permission: string, e: unknown): string {
  const refused = refusalOf(permission, e);
  if (refused) throw refused;
  return e instanceof ReadFailure ? e.message : describeAwsFailure(permission, e);
}

const jobStatuses = ["IN_PROGRESS", "COMPLETED", "FAILED"];

/** The principal's services, or why they are not known. Throws only `Refused`. */
export async function readPrincipalUse(
  iam: IAMClient,
  sdk: Iam,
  principal: Principal,
  call: Call,
  timing: JobTiming,
): Promise<PrincipalUse> {
  const who = describePrincipal(principal);
  const unavailable = (why: string): PrincipalUse => ({ principal, unavailable: `${who}: ${why}` });
  let jobId: string | undefined;
  try {
    const out = await call(generatePermission, (o) =>
      iam.send(
        new sdk.GenerateServiceLastAccessedDetailsCommand({
          Arn: principal.arn,
          Granularity: "SERVICE_LEVEL",
        }),
        o,
      ),
    );
    jobId = out.JobId;
  } catch (e) {
    return unavailable(failure(generatePermission, e));
  }
  if (!jobId) return unavailable(`${generatePermission} answered without a JobId, so nothing was read`);
  const services: ServiceUse[] = [];
  let marker: string | undefined;
  let waitedMs = 0;
  let pause = timing.initialPollMs;
  for (;;) {
    let page;
    try {
      page = await call(getPermission, (o) =>
        iam.send(
          new sdk.GetServiceLastAccessedDetailsCommand({ JobId: jobId, MaxItems: 1000, Marker: marker }),
          o,
        ),
      );
    } catch (e) {
      return unavailable(failure(getPermission, e));
    }
    const status = page.JobStatus ?? "";
    if (status === "FAILED") {
      const why = page.Error
        ? `${page.Error.Code ?? "no code"}: ${page.Error.Message ?? ""}`.trim()
        : "no reason given";
      return unavailable(`IAM's last-accessed job failed (${why}; ${getPermission})`);
    }
    if (status === "IN_PROGRESS" && marker === undefined) {
      if (waitedMs + pause > timing.waitSeconds * 1000) {
        return unavailable(
          `IAM's last-accessed job was still in progress after ${timing.waitSeconds} s (${getPermission}); raise lastAccessedWaitSeconds or run the audit again`,
        );
      }
      await timing.sleep(pause);
      waitedMs += pause;
      pause = Math.min(pause * 2, timing.maxPollMs);
      continue;
    }
    if (status !== "COMPLETED") {
      return unavailable(
        `${getPermission} answered JobStatus "${status || "(none)"}"${marker ? " on a later page" : ""}; only ${jobStatuses.join(", ")} are expected, so nothing was read`,
      );
    }
    if (!page.ServicesLastAccessed) {
      return unavailable(
        `${getPermission} answered COMPLETED without ServicesLastAccessed, so nothing was read`,
      );
    }
    for (const s of page.ServicesLastAccessed) {
      services.push({
        namespace: s.ServiceNamespace ?? "(unnamed)",
        name: s.ServiceName ?? s.ServiceNamespace ?? "(unnamed)",
        lastAuthenticated: s.LastAuthenticated ?? null,
        totalAuthenticatedEntities: s.TotalAuthenticatedEntities ?? null,
      });
    }
    if (!page.IsTruncated) return { principal, services };
    if (!page.Marker)
      return unavailable(`${getPermission} answered IsTruncated without a Marker, so the list is incomplete`);
    marker = page.Marker;
  }
}
