/**
 * Whether a group's policies enforce MFA: the one recognition, for the stack's resources and for
 * the live account's policy documents alike. A group enforces MFA when, for every request made
 * without MFA, its policies leave a member nothing but MFA self-service on their own user:
 *
 * 1. Some Deny on every resource, of everything but MFA self-service, applies to every request
 *    without MFA. Requests signed with long-term access keys carry no `aws:MultiFactorAuthPresent`
 *    at all, console sessions without MFA carry it as false, so a Deny must match both:
 *    `BoolIfExists` false does; `Bool` false matches only the second and `Null` true only the
 *    first, so those two count only together (in two statements: conditions in one statement
 *    must all hold, and the key cannot be both false and absent).
 * 2. Each self-service action on a user that the Deny leaves open is either denied without MFA
 *    on every user but the caller's own (a Deny on NotResource `arn:aws:iam::*:user/${aws:username}`),
 *    or granted by none of the group's Allows on another user. The group's Allows are judged with
 *    its Denies: AWS's documented policy exempts self-service on every resource and grants it on
 *    the caller's own user only, which alone is sound; beside AdministratorAccess the same Deny
 *    lets a member without MFA enable an MFA device on a colleague, so that set does not count.
 *    A managed policy whose document is not known here may allow anything, and is judged so.
 *
 * Pure: documents in (JSON strings or parsed objects), a verdict out, no network.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
 */
import {
  Statement,
  coversAction,
  isAdministratorAccessArn,
  statementsOf,
  wildcardMatch,
} from "./policyDocument";
import { ownMfaArn, ownUserArn, toleratedSelfService } from "aws-account-baseline-vocabulary";

/** The two kinds of request without MFA. */
type Case = "absent" | "false";
const bothCases: readonly Case[] = ["absent", "false"];

const mfaKey = "aws:multifactorauthpresent";
const selfService = new Map(toleratedSelfService.map((s) => [s.action.toLowerCase(), s]));

function valuesOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list
    .filter((x) => typeof x === "boolean" || typeof x === "string")
    .map((x) => String(x).toLowerCase());
}

function isValue(v: unknown, want: "true" | "false"): boolean {
  const values = valuesOf(v);
  return (
    values.length > 0 &&
    values.length === (Array.isArray(v) ? v.length : 1) &&
    values.every((x) => x === want)
  );
}

/** Which requests without MFA one condition entry of a Deny matches; undefined when it is not an MFA-absent test. */
function casesOf(op: string, key: string, value: unknown): readonly Case[] | undefined {
  if (key.toLowerCase() !== mfaKey) return undefined;
  const o = op.toLowerCase();
  if (o === "boolifexists" && isValue(value, "false")) return bothCases;
  if (o === "bool" && isValue(value, "false")) return ["false"];
  if (o === "null" && isValue(value, "true")) return ["absent"];
  return undefined;
}

/** Whether an Allow's condition may hold for a request without MFA (conditions on other keys may). */
function allowMayHold(s: Statement, c: Case): boolean {
  return Object.entries(s.condition).every(([op, keys]) =>
    Object.entries(keys).every(([key, value]) => {
      if (key.toLowerCase() !== mfaKey) return true;
      const o = op.toLowerCase();
      const values = valuesOf(value);
      if (o === "bool" || o === "boolifexists")
        return c === "absent" ? o === "boolifexists" : values.includes("false");
      if (o === "null") return values.includes(c === "absent" ? "true" : "false");
      return true;
    }),
  );
}

interface MfaDeny {
  readonly statement: Statement;
  /** The requests without MFA it applies to (every condition must hold, so the intersection). */
  readonly cases: readonly Case[];
  /** Whether it is a Deny of everything on every resource (step 1) rather than a narrower one. */
  readonly blanket: boolean;
  /** Whether conditions on other keys narrow when it applies. */
  readonly narrowed: boolean;
  /** Why it does not count as step 1's Deny at all, whatever other statements say. */
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
  const problems: string[] = [];
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
  // A Deny on NotResource is step 2's kind (self-service on others), never step 1's.
  const blanket = s.notResources.length === 0;
  return {
    statement: s,
    cases,
    blanket,
    narrowed: others.length > 0,
    problems: blanket ? [...scopeProblems(s), ...problems] : problems,
  };
}

/** A stand-in for another user, whose name is never the caller's own. */
const otherUser = "arn:aws:iam::111122223333:user/another-user";
const ownOnly = /^arn:(aws[\w-]*|\*):iam::(\d{12}|\*):(user|mfa)\/\$\{aws:username\}$/i;

/** Whether a Resource entry matches every other user (policy variables resolve to the caller's own values). */
function matchesOtherUser(entry: string): boolean {
  return wildcardMatch(entry.replace(/\$\{[^}]*\}/g, "\u0000"), otherUser, false);
}

/** Whether a Resource entry may name some other user (generously: any user ARN but the caller's own). */
function mayReachOthers(entry: string): boolean {
  return !ownOnly.test(entry) && (matchesOtherUser(entry) || /^arn:[^:]*:iam::[^:]*:user\//i.test(entry));
}

/** A Deny without MFA (case c) that denies this action on every other user. */
function deniesOthers(d: MfaDeny, action: string, c: Case): boolean {
  const s = d.statement;
  if (!d.cases.includes(c) || d.narrowed || !coversAction(s, action)) return false;
  if (s.notResources.length > 0) return !s.notResources.some(mayReachOthers);
  return s.resources.some(matchesOtherUser);
}

/** An Allow that may grant this action on another user without MFA (case c). */
function allowsOthers(s: Statement, action: string, c: Case): boolean {
  if (s.effect !== "Allow" || !allowMayHold(s, c) || !coversAction(s, action)) return false;
  return s.notResources.length > 0 || s.resources.some(mayReachOthers);
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

/** A group's policies: the documents it has (inline and attached customer-managed) and attached managed ARNs. */
export interface GroupPolicies {
  /** Policy documents, as JSON strings or parsed objects. */
  readonly documents: readonly unknown[];
  /** Attached managed policies whose documents are not among `documents` (AWS-managed ones). */
  readonly managedPolicyArns?: readonly string[];
}

/** Allow statements standing for a managed policy known by ARN: AdministratorAccess, or anything when unknown. */
const allowEverything: Statement = {
  effect: "Allow",
  actions: ["*"],
  notActions: [],
  resources: ["*"],
  notResources: [],
  condition: {},
};

/**
 * Self-service actions on a user that a member without MFA (case c) can call on another user.
 * Those on an MFA device (CreateVirtualMFADevice) are not: creating a virtual device makes a new,
 * unassigned one (a name in use is refused), and attaching it to a user is EnableMFADevice,
 * judged on the user; so AWS's documented `arn:aws:iam::*:mfa/*` for it is accepted.
 */
function openOnOthers(denies: readonly MfaDeny[], allows: readonly Statement[], c: Case): string[] {
  const blankets = denies.filter((d) => d.blanket && d.problems.length === 0 && d.cases.includes(c));
  return toleratedSelfService
    .filter((s) => s.scope === "user")
    .map((s) => s.action)
    .filter((action) => blankets.every((d) => !coversAction(d.statement, action)))
    .filter((action) => !denies.some((d) => deniesOthers(d, action, c)))
    .filter((action) => allows.some((s) => allowsOthers(s, action, c)));
}

/** Whether these policies (all of one group's) leave a member only MFA self-service on their own user without MFA. */
export function forceMfaVerdict(group: GroupPolicies): MfaVerdict {
  return mfaVerdict(group.documents.flatMap(statementsOf), group.managedPolicyArns);
}

/** The same over statements already parsed (./policyDocument.ts), for callers that hold them. */
export function mfaVerdict(
  statements: readonly Statement[],
  managedPolicyArns: readonly string[] = [],
): MfaVerdict {
  const denies = statements.map(mfaDenyOf).filter((d): d is MfaDeny => d !== undefined);
  const counted = denies.filter((d) => d.blanket && d.problems.length === 0);
  const missing = bothCases.filter((c) => !counted.some((d) => d.cases.includes(c)));
  const allows = [...statements, ...managedPolicyArns.map(() => allowEverything)];
  const open = [
    ...new Set(bothCases.filter((c) => !missing.includes(c)).flatMap((c) => openOnOthers(denies, allows, c))),
  ];
  if (missing.length === 0 && open.length === 0) return { enforces: true };
  const unknown = managedPolicyArns.filter((a) => !isAdministratorAccessArn(a));
  const grantors = [
    ...managedPolicyArns.map(
      (a) => `policy ${a}${unknown.includes(a) ? " (its document is not known here)" : ""}`,
    ),
    ...(statements.some((s) => open.some((a) => bothCases.some((c) => allowsOthers(s, a, c))))
      ? ["the group's own Allow statements"]
      : []),
  ];
  const reasons = [
    ...denies.filter((d) => d.blanket).flatMap((d) => d.problems),
    ...(counted.length > 0 ? missing.map((c) => gapReasons[c]) : []),
    ...(open.length > 0
      ? [
          `its Deny exempts ${open.join(", ")} on every user, and ${grantors.join(" and ")} may allow ` +
            `${open.length > 1 ? "them" : "it"} on other users, so a member without MFA can act on another user ` +
            `(deny ${open.length > 1 ? "them" : "it"} without MFA on NotResource ${ownUserArn}, ${ownMfaArn})`,
        ]
      : []),
  ];
  return { enforces: false, reasons: [...new Set(reasons)] };
}
