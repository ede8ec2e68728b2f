/**
 * Whether a group's policy statements enforce MFA: some Deny on every resource, of everything but
 * MFA self-service, applies to every request made without MFA. Requests signed with long-term
 * access keys carry no `aws:MultiFactorAuthPresent` at all, console sessions without MFA carry it
 * as false, so a Deny must match both: `BoolIfExists` false does; `Bool` false matches only the
 * second and `Null` true only the first, so those two count only together (in two statements:
 * conditions in one statement must all hold, and the key cannot be both false and absent).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
 */
import { mfaSelfServiceActions } from "./mfaSelfService";
import { Statement } from "./policyDocument";

/** The two kinds of request without MFA. */
type Case = "absent" | "false";
const bothCases: readonly Case[] = ["absent", "false"];

const mfaKey = "aws:multifactorauthpresent";
const selfService = new Set(mfaSelfServiceActions.map((a) => a.toLowerCase()));

function isValue(v: unknown, want: "true" | "false"): boolean {
  if (Array.isArray(v)) return v.length > 0 && v.every((x) => isValue(x, want));
  return (typeof v === "boolean" || typeof v === "string") && String(v).toLowerCase() === want;
}

/** Which requests without MFA one condition entry matches; undefined when it is not an MFA-absent test. */
function casesOf(op: string, key: string, value: unknown): readonly Case[] | undefined {
  if (key.toLowerCase() !== mfaKey) return undefined;
  const o = op.toLowerCase();
  if (o === "boolifexists" && isValue(value, "false")) return bothCases;
  if (o === "bool" && isValue(value, "false")) return ["false"];
  if (o === "null" && isValue(value, "true")) return ["absent"];
  return undefined;
}

interface MfaDeny {
  /** The requests without MFA it applies to (every condition must hold, so the intersection). */
  readonly cases: readonly Case[];
  /** Why it does not count at all, whatever other statements say. */
  readonly problems: readonly string[];
}

function isWildcardFree(action: string): boolean {
  return !/[*?]/.test(action);
}

function scopeProblems(s: Statement): string[] {
  const problems: string[] = [];
  if (!s.resources.includes("*")) {
    problems.push(
      `its Deny applies to ${s.resources.join(", ") || "no Resource"}, not to every resource ("*")`,
    );
  }
  if (s.actions.length > 0 && !s.actions.some((a) => a === "*" || a === "*:*")) {
    problems.push(`its Deny covers only ${s.actions.join(", ")}, not every action`);
  }
  if (s.actions.length === 0 && s.notActions.length === 0) problems.push("its Deny names no action");
  const exempt = s.notActions.filter((a) => !isWildcardFree(a) || !selfService.has(a.toLowerCase()));
  if (exempt.length > 0) {
    problems.push(
      `its Deny exempts ${exempt.join(", ")}, which ${exempt.length > 1 ? "are" : "is"} not MFA self-service`,
    );
  }
  return problems;
}

/** The statement read as a Deny without MFA; undefined when it is no Deny conditioned on MFA being absent. */
function mfaDenyOf(s: Statement): MfaDeny | undefined {
  if (s.effect !== "Deny") return undefined;
  const entries = Object.entries(s.condition).flatMap(([op, keys]) =>
    Object.entries(keys).map(([key, value]) => ({ op, key, cases: casesOf(op, key, value) })),
  );
  const mfa = entries.flatMap((e) => (e.cases ? [e.cases] : []));
  if (mfa.length === 0) return undefined;
  const cases = bothCases.filter((c) => mfa.every((m) => m.includes(c)));
  const problems = scopeProblems(s);
  const others = entries.filter((e) => !e.cases).map((e) => `${e.op} ${e.key}`);
  if (others.length > 0) {
    problems.push(`its Deny also requires ${others.join(", ")}, which narrows when it applies`);
  }
  if (cases.length === 0) {
    problems.push(
      "its Deny requires aws:MultiFactorAuthPresent to be both false (Bool) and absent (Null) in one statement, " +
        "which never holds (use BoolIfExists)",
    );
  }
  return { cases, problems };
}

export type MfaVerdict =
  | { readonly enforces: true }
  /** `reasons` is empty when no statement even tries (no Deny conditioned on MFA being absent). */
  | { readonly enforces: false; readonly reasons: readonly string[] };

const gapReasons: Record<Case, string> = {
  absent:
    "its Deny uses Bool, which does not apply to requests signed with access keys (they carry no " +
    'aws:MultiFactorAuthPresent; use BoolIfExists, or add a Deny with Null "aws:MultiFactorAuthPresent": "true")',
  false:
    "its Deny uses Null, which applies only to requests signed with access keys, not to console sessions " +
    "without MFA (use BoolIfExists)",
};

/** Whether these statements (all of one group's policies) deny everything but MFA self-service without MFA. */
export function mfaVerdict(statements: readonly Statement[]): MfaVerdict {
  const denies = statements.map(mfaDenyOf).filter((d): d is MfaDeny => d !== undefined);
  const counted = denies.filter((d) => d.problems.length === 0);
  const missing = bothCases.filter((c) => !counted.some((d) => d.cases.includes(c)));
  if (missing.length === 0) return { enforces: true };
  const reasons = [
    ...denies.flatMap((d) => d.problems),
    ...(counted.length > 0 ? missing.map((c) => gapReasons[c]) : []),
  ];
  return { enforces: false, reasons: [...new Set(reasons)] };
}
