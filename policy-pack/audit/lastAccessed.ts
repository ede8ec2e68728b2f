/**
 * `--last-accessed [DAYS]` (default: the --config file's unusedDays, else 90): after the account checks, the service last-accessed
 * review of every group, role and user with a policy of its own (account/lastAccessed/), named by
 * the authorization snapshot the account checks already read, with a progress bar on stderr when
 * it is a terminal, under a deadline of its own.
 */
import type { PolicyName } from "../controls";
import { startDeadline } from "../account/deadline";
import type { Fact } from "../account/facts";
import { Finding } from "../account/finding";
import { LastAccessedSettings, unusedDaysRange } from "../account/lastAccessed/config";
import { reviewLastAccessed } from "../account/lastAccessed/review";
import type { AuthorizationSnapshot } from "../account/permissions/snapshot";
import { startSpinner } from "./spinner";

/** The message for a bad DAYS, or undefined. */
export function lastAccessedDaysProblem(text: string): string | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return n >= unusedDaysRange.min && n <= unusedDaysRange.max
    ? undefined
    : `--last-accessed must be a whole number of days from ${unusedDaysRange.min} to ${unusedDaysRange.max} (IAM tracks service access for 400 days); got "${text}"`;
}

const barWidth = 20;

/** "[#####...............] 125/500 principals: reading IAM's service last-accessed data". */
/** The policies an audit reports: the configured ones, and the opt-in review when --last-accessed runs it. */
export function reportedPolicies(
  policies: readonly PolicyName[],
  lastAccessed: boolean,
): readonly PolicyName[] {
  return lastAccessed ? [...policies, "unused-service-permissions"] : policies;
}

export function progressText(done: number, total: number): string {
  const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
  return `[${"#".repeat(filled)}${".".repeat(barWidth - filled)}] ${done}/${total} principals: reading IAM's service last-accessed data`;
}

export interface LastAccessedRun {
  /** The account's authorization snapshot (`facts.authorization`): who is reviewed. */
  readonly authorization: Fact<AuthorizationSnapshot>;
  /** DAYS (`unusedDays`), the bound on each job's wait and the calls in flight. */
  readonly settings: LastAccessedSettings;
  readonly now: Date;
  /** The clients' configuration for the account (credentials of an assumed role, an endpoint). */
  readonly clientConfig?: Readonly<Record<string, unknown>>;
  /** The review's own deadline (--account-deadline-seconds; the account checks had theirs). */
  readonly deadlineSeconds: number;
  /** Where the progress bar goes (stderr); false: none (the organization audit shows its own). */
  readonly progress?: NodeJS.WriteStream | false;
}

const noProgress = { start: () => undefined, update: () => undefined, stop: () => undefined };

export async function lastAccessedFindings(r: LastAccessedRun): Promise<Finding[]> {
  const spinner =
    r.progress === false ? noProgress : startSpinner("Reading IAM's service last-accessed data", r.progress);
  spinner.start();
  const deadline = startDeadline(r.deadlineSeconds, "--account-deadline-seconds");
  try {
    const { unusedDays, lastAccessedWaitSeconds, concurrency } = r.settings;
    return await reviewLastAccessed(r.authorization, unusedDays, r.now, {
      clientConfig: r.clientConfig,
      deadline,
      concurrency,
      waitSeconds: lastAccessedWaitSeconds,
      onProgress: (done, total) => spinner.update(progressText(done, total)),
    });
  } finally {
    deadline.dispose();
    spinner.stop();
  }
}
