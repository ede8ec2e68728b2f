/**
 * The pack's nine account policies. They examine the account the stack deploys to: when the
 * stack's aws provider assumes a role (`assumeRoles`), they assume the same chain in the
 * provider's region; otherwise they read the ambient credentials' account. Each account is read
 * once per preview (one memoised read per source, shared by all of them); each policy evaluates
 * its own rule on the facts and reports each finding as a diagnostic that names the account
 * examined. No AWS SDK is loaded here: the API read imports it on first use, so the pack opens
 * its port fast.
 */
import * as path from "path";
import type { ReportViolation, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import {
  AccountPolicyName,
  accountPolicyNames,
  controlIds,
  controls,
  describe,
  PolicyName,
} from "../controls";
import { defaultPasswordPolicyConfig } from "../rules/passwordPolicy";
import {
  accountConfigSchemas,
  defaultAccountThresholds,
  defaultDeadlineSeconds,
  defaultReportWaitSeconds,
  defaultUnreadableAccount,
  UnreadableAccount,
} from "./config";
import { AccountFacts } from "./facts";
import { evaluatePolicy } from "./findings";
import { guidance } from "./guidance";
import { accountPinConflict } from "./providerPin";
import { awsProviders, stackTargets } from "./providerRoles";
import { AccountSource, sourceKey, viaRole } from "./source";
import { RuleSettings } from "./rules/context";
import { permissionSentences } from "./permissions/sentences";

export interface AccountPolicyDeps {
  /** Reads one source; `memoiseReads` makes it once per source. */
  readonly read: (s: AccountSource) => Promise<AccountFacts>;
  readonly now: () => Date;
  /** Where a relative `credentialReportFile` is resolved from: the pack folder, the engine's working directory. */
  readonly baseDir: string;
  /** Reads the analyzers of regions the source's read did not cover (access-analyzer-enabled's `regions`). */
  readonly readAnalyzers?: (
    s: AccountSource,
    regions: readonly string[],
  ) => Promise<AccountFacts["analyzers"]>;
}

/** One read per source for the life of the process (one preview: the engine starts the pack per run). */
export function memoiseReads(read: AccountPolicyDeps["read"]): AccountPolicyDeps["read"] {
  const cache = new Map<string, Promise<AccountFacts>>();
  return (s) => {
    const key = sourceKey(s);
    let p = cache.get(key);
    if (!p) {
      p = read(s);
      cache.set(key, p);
    }
    return p;
  };
}

const sentences: Record<AccountPolicyName, string> = {
  "root-access-keys-absent": "The root user has no access keys.",
  "root-mfa-enabled": "The root user has MFA enabled.",
  "root-hardware-mfa": "The root user's MFA is a hardware device, not a virtual one.",
  "root-not-recently-used":
    "The root user is not used for everyday tasks (no use within the configured window).",
  "iam-users-mfa-enabled": "Every IAM user with a console password has MFA enabled.",
  "access-keys-rotated": "Active access keys are rotated within the configured age.",
  "unused-credentials-disabled": "Passwords and access keys unused for the configured days are disabled.",
  "single-active-access-key": "Each IAM user has at most one active access key.",
  "security-contact-registered": "The account has a SECURITY alternate contact.",
  ...permissionSentences,
};

export interface PolicyConfig {
  readonly credentialReportFile?: string;
  readonly credentialReportWaitSeconds?: number;
  readonly accountDeadlineSeconds?: number;
  readonly unreadableAccount?: UnreadableAccount;
  readonly windowDays?: number;
  readonly maximumKeyAgeDays?: number;
  readonly unusedDays?: number;
  readonly setupWindowMinutes?: number;
  readonly regions?: readonly string[];
}

/** What one policy examines: each account the stack deploys to, or the report file of its config. */
export function sourcesOf(
  c: PolicyConfig,
  baseDir: string,
  providers: readonly Record<string, unknown>[],
): { source: AccountSource; providers: readonly Record<string, unknown>[] }[] {
  if (c.credentialReportFile) {
    const source: AccountSource = {
      kind: "file",
      path: path.resolve(baseDir, c.credentialReportFile),
      displayName: c.credentialReportFile,
    };
    return [{ source, providers }];
  }
  const reportWaitSeconds = c.credentialReportWaitSeconds ?? defaultReportWaitSeconds;
  const deadlineSeconds = c.accountDeadlineSeconds ?? defaultDeadlineSeconds;
  return stackTargets(providers).map((t) => ({
    source: { kind: "api", reportWaitSeconds, deadlineSeconds, roles: t.roles, region: t.region },
    providers: t.providers,
  }));
}

/** This policy's thresholds over the defaults (the engine fills schema defaults; a harness may not). */
function settingsOf(c: PolicyConfig): RuleSettings {
  const d = defaultAccountThresholds;
  return {
    passwordPolicy: defaultPasswordPolicyConfig,
    thresholds: {
      "root-not-recently-used": { windowDays: c.windowDays ?? d["root-not-recently-used"].windowDays },
      "access-keys-rotated": {
        maximumKeyAgeDays: c.maximumKeyAgeDays ?? d["access-keys-rotated"].maximumKeyAgeDays,
      },
      "unused-credentials-disabled": {
        unusedDays: c.unusedDays ?? d["unused-credentials-disabled"].unusedDays,
      },
      "no-access-keys-at-setup": {
        setupWindowMinutes: c.setupWindowMinutes ?? d["no-access-keys-at-setup"].setupWindowMinutes,
      },
      "access-analyzer-enabled": { regions: c.regions ?? d["access-analyzer-enabled"].regions },
    },
  };
}

/** The API each policy reads its facts from. */
const apiOf = (name: PolicyName): string =>
  name === "security-contact-registered" ? "Account API" : "IAM API";

/**
 * "account 123456789012 (IAM API via role ...)", or "(credential report FILE)" with FILE as this
 * policy's config spells it (several policies may share one memoised read of one file).
 */
export function sourceLabel(name: PolicyName, facts: AccountFacts, source: AccountSource): string {
  const account = facts.accountId ? `account ${facts.accountId}` : "account (id unknown)";
  if (source.kind === "file") return `${account} (credential report ${source.displayName})`;
  const role = viaRole(source);
  return role ? `${account} (${apiOf(name)} via role ${role})` : `${account} (${apiOf(name)})`;
}

/**
 * Reports what kept a policy from judging the account. `violation` (the default): at the
 * policy's level, so a mandatory policy fails the preview (fail closed). `advisory`: an advisory
 * diagnostic whatever the level, as the analyzer server reports a policy that cannot run during
 * a preview (it takes a diagnostic object with its own level).
 */
function reportUnjudged(report: ReportViolation, mode: UnreadableAccount, message: string): void {
  if (mode === "violation") return report(message);
  const withLevel = report as unknown as (d: { message: string; enforcementLevel: "advisory" }) => void;
  withLevel({ message, enforcementLevel: "advisory" });
}

function accountPolicy(name: AccountPolicyName, deps: AccountPolicyDeps): StackValidationPolicy {
  return {
    name,
    description: describe(name, sentences[name]),
    enforcementLevel: "advisory",
    severity: controls[name].severity,
    tags: ["live-account", ...controlIds(name)],
    url: guidance[name].url,
    remediationSteps: guidance[name].remediationSteps,
    configSchema: accountConfigSchemas[name],
    validateStack: async (args: StackValidationArgs, report: ReportViolation) => {
      const config = args.getConfig<PolicyConfig>();
      for (const { source, providers } of sourcesOf(config, deps.baseDir, awsProviders(args.resources))) {
        await examine(name, source, providers, config, deps, report);
      }
    },
  };
}

/** One policy over one account: its findings as diagnostics, or why the account was not judged. */
async function examine(
  name: AccountPolicyName,
  source: AccountSource,
  providers: readonly Record<string, unknown>[],
  config: PolicyConfig,
  deps: AccountPolicyDeps,
  report: ReportViolation,
): Promise<void> {
  const mode = config.unreadableAccount ?? defaultUnreadableAccount;
  const description = describe(name, sentences[name]);
  /** The analyzer prefixes a string violation with the description; a diagnostic object gets it here. */
  const unjudged = (message: string) =>
    reportUnjudged(report, mode, mode === "violation" ? message : `${description}\n${message}`);
  let facts: AccountFacts;
  try {
    facts = await deps.read(source);
  } catch (e) {
    unjudged(`could not read the account, so ${name} was not evaluated: ${(e as Error).message}`);
    return;
  }
  const role = viaRole(source);
  const conflict = facts.accountId ? accountPinConflict(providers, facts.accountId, role) : undefined;
  if (conflict) {
    unjudged(conflict);
    return;
  }
  const label = sourceLabel(name, facts, source);
  if (name === "access-analyzer-enabled")
    facts = await withRegions(facts, source, config.regions ?? [], deps);
  for (const f of evaluatePolicy(name, facts, settingsOf(config), deps.now())) {
    if (f.status === "not-evaluated") unjudged(`${label}: not evaluated: ${f.message}`);
    else report(`${label}: ${f.message}`);
  }
}

/** The facts with the analyzers of every configured region the source's own read did not cover. */
async function withRegions(
  facts: AccountFacts,
  source: AccountSource,
  regions: readonly string[],
  deps: AccountPolicyDeps,
): Promise<AccountFacts> {
  const missing = regions.filter((r) => !(r in facts.analyzers));
  if (missing.length === 0 || !deps.readAnalyzers) return facts;
  return { ...facts, analyzers: { ...facts.analyzers, ...(await deps.readAnalyzers(source, missing)) } };
}

export function createAccountPolicies(deps: AccountPolicyDeps): StackValidationPolicy[] {
  return accountPolicyNames.map((name) => accountPolicy(name, deps));
}
