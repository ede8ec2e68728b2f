/**
 * Every reviewed principal's service last-accessed data (job.ts per principal), with at most
 * `concurrency` IAM calls in flight at once. The bound is on calls, not principals (p-limit), so
 * a job's pause between polls holds no slot: all jobs are started first, in listing order, and
 * most are complete by the time they are polled. The client is built as readApi.ts builds its
 * own (baseClientConfig: region, the SDK's bounded retries for throttling, request time-outs).
 * Calls made for N principals: N GenerateServiceLastAccessedDetails, and per principal one
 * GetServiceLastAccessedDetails per poll and per further page of 1,000 services.
 *
 * Never throws for an AWS failure: a refusal (access denied, not implemented) or the account's
 * deadline passing makes the whole read unavailable, naming the permission or the deadline, and
 * the calls not yet made are not made.
 */
import pLimit from "p-limit";
import { Fact } from "../facts";
import { ApiReadOptions, baseClientConfig } from "../readApi";
import { defaultLastAccessedConcurrency, defaultLastAccessedWaitSeconds } from "./config";
import { callUnder } from "../deadline";
import { Call, PrincipalUse, readPrincipalUse, Refused, refusalOf } from "./job";
import { Principal } from "./principal";

/** The options readApi.ts takes for the same things (client, time-outs, deadline, polling), and more. */
export interface LastAccessedReadOptions extends Pick<
  ApiReadOptions,
  "clientConfig" | "requestTimeoutMs" | "deadline" | "initialPollMs" | "maxPollMs" | "sleep"
> {
  /** IAM calls in flight at once. */
  readonly concurrency?: number;
  /** The longest total pause for one principal's job, in seconds. */
  readonly waitSeconds?: number;
  /** Wraps every call (tests count them); default: under `deadline`, which also ends the read once passed. */
  readonly call?: Call;
  /** After each principal: how many are done of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function readLastAccessed(
  principals: readonly Principal[],
  o: LastAccessedReadOptions = {},
): Promise<Fact<readonly PrincipalUse[]>> {
  if (principals.length === 0) return { value: [] };
  const sdk = await import("@aws-sdk/client-iam");
  const iam = new sdk.IAMClient(baseClientConfig(o.clientConfig, o.requestTimeoutMs));
  const limit = pLimit(o.concurrency ?? defaultLastAccessedConcurrency);
  const outer = o.call ?? callUnder(o.deadline);
  let refused: Refused | undefined;
  // A refusal is recorded before the call's slot is freed, so no queued call starts after it.
  const call: Call = (name, send) =>
    limit(async () => {
      if (refused) throw refused;
      try {
        return await outer(name, send);
      } catch (e) {
        refused ??=
          refusalOf(name, e) ?? (o.deadline?.expired() ? new Refused((e as Error).message) : undefined);
        throw e;
      }
    });
  const timing = {
    initialPollMs: o.initialPollMs ?? 250,
    maxPollMs: o.maxPollMs ?? 4000,
    waitSeconds: o.waitSeconds ?? defaultLastAccessedWaitSeconds,
    sleep: o.sleep ?? o.deadline?.sleep ?? defaultSleep,
  };
  let done = 0;
  try {
    const uses = await Promise.all(
      principals.map(async (p) => {
        try {
          return await readPrincipalUse(iam, sdk, p, call, timing);
        } catch (e) {
          if (!(e instanceof Refused)) throw e;
          refused ??= e;
          return undefined;
        } finally {
          o.onProgress?.(++done, principals.length);
        }
      }),
    );
    if (refused) return { unavailable: refused.message };
    return { value: uses.filter((u): u is PrincipalUse => u !== undefined) };
  } finally {
    iam.destroy();
  }
}
