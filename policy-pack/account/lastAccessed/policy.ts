/**
 * `unused-service-permissions` as a pack policy: opt-in (disabled unless the policy config sets
 * a level), because it costs a job per principal. It examines each account the stack deploys to
 * as the other account policies do (the same role chain and region, the same pin check, one
 * shared read of the account per preview, whose authorization snapshot names the principals),
 * then reads the last-accessed data of each principal with policies of its own and reports one
 * diagnostic per principal with unused services.
 */
import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { controls, describe } from "../../controls";
import { AccountFacts } from "../facts";
import { AccountPolicyDeps, PolicyConfig, sourceLabel, sourcesOf } from "../policies";
import { accountPinConflict } from "../providerPin";
import { deadlineOf } from "../readApi";
import { awsProviders } from "../providerRoles";
import { AccountSource, sourceClientConfig, viaRole } from "../source";
import {
  defaultLastAccessedConcurrency,
  defaultLastAccessedWaitSeconds,
  defaultUnusedDays,
  lastAccessedConfigSchema,
} from "./config";
import { lastAccessedGuidance } from "./guidance";
import { reviewLastAccessed } from "./review";

const name = "unused-service-permissions";

interface Config {
  readonly unusedDays?: number;
  readonly lastAccessedWaitSeconds?: number;
  readonly concurrency?: number;
}

export interface LastAccessedPolicyDeps extends AccountPolicyDeps {
  /** Merged into every client's configuration (tests: the local endpoint). */
  readonly clientConfig?: Readonly<Record<string, unknown>>;
}

async function examine(
  source: AccountSource,
  providers: readonly Record<string, unknown>[],
  c: Config,
  deps: LastAccessedPolicyDeps,
  report: ReportViolation,
): Promise<void> {
  if (source.kind !== "api") return;
  let facts: AccountFacts;
  try {
    facts = await deps.read(source);
  } catch (e) {
    return report(`could not read the account, so ${name} was not evaluated: ${(e as Error).message}`);
  }
  const conflict = facts.accountId
    ? accountPinConflict(providers, facts.accountId, viaRole(source))
    : undefined;
  if (conflict) return report(conflict);
  // The review has a deadline of its own (the account's read above had one): role and jobs.
  const { deadline } = deadlineOf({ deadlineSeconds: source.deadlineSeconds });
  let findings;
  try {
    const clientConfig = await sourceClientConfig(source, { clientConfig: deps.clientConfig }, deadline);
    const concurrency = c.concurrency ?? defaultLastAccessedConcurrency;
    findings = await reviewLastAccessed(facts.authorization, c.unusedDays ?? defaultUnusedDays, deps.now(), {
      clientConfig,
      concurrency,
      deadline,
      waitSeconds: c.lastAccessedWaitSeconds ?? defaultLastAccessedWaitSeconds,
    });
  } catch (e) {
    return report(`could not reach the account, so ${name} was not evaluated: ${(e as Error).message}`);
  } finally {
    deadline.dispose();
  }
  const label = sourceLabel(name, facts, source);
  for (const f of findings) {
    report(`${label}: ${f.status === "not-evaluated" ? `not evaluated: ${f.message}` : f.message}`);
  }
}

export function createUnusedServicePermissionsPolicy(deps: LastAccessedPolicyDeps): StackValidationPolicy {
  return {
    name,
    description: describe(
      name,
      "Each group, role and user with policies of its own is granted only services it used within the configured days (IAM service last-accessed data; opt-in: a job per principal).",
    ),
    enforcementLevel: "disabled",
    severity: controls[name].severity,
    tags: ["live-account", "per-principal"],
    url: lastAccessedGuidance.url,
    remediationSteps: lastAccessedGuidance.remediationSteps,
    configSchema: lastAccessedConfigSchema,
    validateStack: async (args: StackValidationArgs, report: ReportViolation) => {
      const config = args.getConfig<Config>();
      const base: PolicyConfig = {};
      for (const { source, providers } of sourcesOf(base, deps.baseDir, awsProviders(args.resources))) {
        await examine(source, providers, config, deps, report);
      }
    },
  };
}
