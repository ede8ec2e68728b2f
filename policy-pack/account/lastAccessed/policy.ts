/**
 * `unused-service-permissions` as a pack policy: opt-in (disabled unless the policy config sets
 * a level), because it costs a job per principal. It examines each account the stack deploys to
 * as the other account policies do (the same role chain and region, the same pin check, one
 * shared read of the account per preview), then reads the last-accessed data of each principal
 * with policies of its own and reports one diagnostic per principal with unused services.
 */
import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { controls, describe } from "../../controls";
import { AccountFacts } from "../facts";
import { AccountPolicyDeps, PolicyConfig, sourceLabel, sourcesOf } from "../policies";
import { accountPinConflict } from "../providerPin";
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
import { listPrincipals } from "./temporaryListing";

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
  let clientConfig: Record<string, unknown>;
  try {
    facts = await deps.read(source);
    clientConfig = await sourceClientConfig(source, deps.clientConfig);
  } catch (e) {
    report(`could not read the account, so ${name} was not evaluated: ${(e as Error).message}`);
    return;
  }
  const role = viaRole(source);
  const conflict = facts.accountId ? accountPinConflict(providers, facts.accountId, role) : undefined;
  if (conflict) return report(conflict);
  const concurrency = c.concurrency ?? defaultLastAccessedConcurrency;
  const findings = await reviewLastAccessed(
    await listPrincipals(clientConfig, concurrency),
    c.unusedDays ?? defaultUnusedDays,
    deps.now(),
    { clientConfig, concurrency, waitSeconds: c.lastAccessedWaitSeconds ?? defaultLastAccessedWaitSeconds },
  );
  const label = sourceLabel(facts, role);
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
