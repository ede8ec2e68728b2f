/**
 * A small IAM evaluator for identity-based policies, written from AWS's documented evaluation
 * logic and independent of the pack's own reading of policies (it imports nothing from the
 * project), so tests can ask "is this request allowed?" of the documents a component deploys.
 *
 * - An explicit Deny wins over any Allow; with no matching Allow the request is implicitly denied.
 * - Action / NotAction match case-insensitively with `*` and `?`; Resource / NotResource match
 *   case-sensitively, after policy variables (`${aws:username}`, `${*}`, `${?}`, `${$}`) are
 *   substituted; an entry whose variable has no value in the request matches nothing.
 * - Conditions: operators AND, keys AND, values OR (NOR for negated operators); a key missing from
 *   the request makes the operator false, except negated operators (true), `...IfExists` (true)
 *   and `Null`. Keys are case-insensitive. Supported: Bool, Null, String*, Arn*; anything else
 *   throws, so a test can never pass on an operator this evaluator does not know.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */

export type Decision = "allow" | "explicit-deny" | "implicit-deny";

export interface Request {
  readonly action: string;
  readonly resource: string;
  /** Request context keys; a key that is absent (or undefined) is not in the request. */
  readonly context: Readonly<Record<string, string | readonly string[] | undefined>>;
}

type Json = Record<string, unknown>;

function asList(v: unknown, what: string): string[] {
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  for (const x of list)
    if (typeof x !== "string") throw new Error(`${what} must hold strings; got ${JSON.stringify(v)}`);
  return list as string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

function contextValue(req: Request, key: string): readonly string[] | undefined {
  const found = Object.entries(req.context).find(([k]) => k.toLowerCase() === key.toLowerCase());
  const v = found?.[1];
  if (v === undefined) return undefined;
  return typeof v === "string" ? [v] : v;
}

/**
 * Substitute policy variables; undefined when one has no value in the request. `wildcards` says
 * whether the result is a pattern (Resource, *Like operators), so that a substituted value's
 * own `*` and `?` stay literal.
 */
function substitute(s: string, req: Request, wildcards: boolean): string | undefined {
  const literal = (x: string) => (wildcards ? x.replace(/[*?]/g, (c) => `\uE000${c}`) : x);
  let missing = false;
  const out = s.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    if (name === "*" || name === "?" || name === "$") return literal(name);
    const [key, fallback] = name.split(",").map((x) => x.trim());
    const v = contextValue(req, key);
    if (v !== undefined && v.length === 1) return literal(v[0]);
    const dflt = fallback?.match(/^'(.*)'$/)?.[1];
    if (dflt !== undefined) return literal(dflt);
    missing = true;
    return "";
  });
  return missing ? undefined : out;
}

/** `*` any run of characters, `?` exactly one; characters marked by substitute() are literal. */
function patternMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const body = pattern
    .split(/(\uE000[*?]|[*?])/)
    .map((part) =>
      part === "*"
        ? ".*"
        : part === "?"
          ? "."
          : escapeRegExp(part.startsWith("\uE000") ? part.slice(1) : part),
    )
    .join("");
  return new RegExp(`^${body}$`, ignoreCase ? "is" : "s").test(value);
}

function actionMatches(patterns: string[], action: string): boolean {
  return patterns.some((p) => patternMatch(p, action, true));
}

function resourceMatches(patterns: string[], resource: string, req: Request): boolean {
  return patterns.some((p) => {
    const resolved = substitute(p, req, true);
    return resolved !== undefined && patternMatch(resolved, resource, false);
  });
}

type Comparer = (policyValue: string, requestValue: string, req: Request) => boolean;

const stringEquals: Comparer = (p, r, req) => substitute(p, req, false) === r;
const stringEqualsIgnoreCase: Comparer = (p, r, req) =>
  substitute(p, req, false)?.toLowerCase() === r.toLowerCase();
const stringLike: Comparer = (p, r, req) => {
  const resolved = substitute(p, req, true);
  return resolved !== undefined && patternMatch(resolved, r, false);
};
const boolEquals: Comparer = (p, r) => p.toLowerCase() === r.toLowerCase();

/** ARNs compare segment by segment (six of them), each a case-sensitive wildcard match. */
const arnLike: Comparer = (p, r, req) => {
  const resolved = substitute(p, req, true);
  if (resolved === undefined) return false;
  const ps = resolved.split(":");
  const rs = r.split(":");
  if (ps.length < 6 || rs.length < 6) return false;
  const head = (a: string[]) => [...a.slice(0, 5), a.slice(5).join(":")];
  const [hp, hr] = [head(ps), head(rs)];
  return hp.every((seg, i) => patternMatch(seg, hr[i], false));
};

const comparers: Record<string, { compare: Comparer; negated: boolean }> = {
  stringequals: { compare: stringEquals, negated: false },
  stringnotequals: { compare: stringEquals, negated: true },
  stringequalsignorecase: { compare: stringEqualsIgnoreCase, negated: false },
  stringnotequalsignorecase: { compare: stringEqualsIgnoreCase, negated: true },
  stringlike: { compare: stringLike, negated: false },
  stringnotlike: { compare: stringLike, negated: true },
  arnequals: { compare: arnLike, negated: false },
  arnlike: { compare: arnLike, negated: false },
  arnnotequals: { compare: arnLike, negated: true },
  arnnotlike: { compare: arnLike, negated: true },
  bool: { compare: boolEquals, negated: false },
};

function conditionValues(v: unknown, op: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => {
    if (typeof x === "string") return x;
    if (typeof x === "boolean" || typeof x === "number") return String(x);
    throw new Error(`${op}: condition values must be strings, booleans or numbers; got ${JSON.stringify(v)}`);
  });
}

function operatorHolds(operator: string, key: string, raw: unknown, req: Request): boolean {
  if (operator.includes(":"))
    throw new Error(`set operators (${operator}) are not supported by this evaluator`);
  const op = operator.toLowerCase();
  const values = conditionValues(raw, operator);
  const present = contextValue(req, key);
  if (op === "null") {
    // Null "true": the key is absent; "false": it is present. Several values: any may hold.
    return values.some((v) => (v.toLowerCase() === "true") === (present === undefined));
  }
  const ifExists = op.endsWith("ifexists");
  const base = ifExists ? op.slice(0, -"ifexists".length) : op;
  const c = comparers[base];
  if (!c) throw new Error(`condition operator ${operator} is not supported by this evaluator`);
  if (present === undefined) return ifExists || c.negated;
  if (present.length !== 1) throw new Error(`${key} is multivalued; single-valued operators need one value`);
  const anyMatch = values.some((v) => c.compare(v, present[0], req));
  return c.negated ? !anyMatch : anyMatch;
}

function conditionHolds(condition: unknown, req: Request): boolean {
  if (condition === undefined) return true;
  if (condition === null || typeof condition !== "object") throw new Error("Condition must be an object");
  return Object.entries(condition as Json).every(([op, keys]) => {
    if (keys === null || typeof keys !== "object") throw new Error(`Condition ${op} must be an object`);
    return Object.entries(keys as Json).every(([key, v]) => operatorHolds(op, key, v, req));
  });
}

function statementApplies(s: Json, req: Request): boolean {
  if ((s.Action === undefined) === (s.NotAction === undefined))
    throw new Error("a statement needs exactly one of Action and NotAction");
  if ((s.Resource === undefined) === (s.NotResource === undefined))
    throw new Error("a statement needs exactly one of Resource and NotResource");
  const action =
    s.Action !== undefined
      ? actionMatches(asList(s.Action, "Action"), req.action)
      : !actionMatches(asList(s.NotAction, "NotAction"), req.action);
  if (!action) return false;
  const resource =
    s.Resource !== undefined
      ? resourceMatches(asList(s.Resource, "Resource"), req.resource, req)
      : !resourceMatches(asList(s.NotResource, "NotResource"), req.resource, req);
  return resource && conditionHolds(s.Condition, req);
}

function statementsOf(doc: unknown): Json[] {
  const d = typeof doc === "string" ? (JSON.parse(doc) as unknown) : doc;
  if (d === null || typeof d !== "object") throw new Error("a policy document must be an object");
  const raw = (d as Json).Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((s) => {
    if (s === null || typeof s !== "object") throw new Error("a statement must be an object");
    const e = (s as Json).Effect;
    if (e !== "Allow" && e !== "Deny")
      throw new Error(`Effect must be Allow or Deny; got ${JSON.stringify(e)}`);
    return s as Json;
  });
}

/** The decision for one request over every identity-based policy of the principal. */
export function evaluate(documents: readonly unknown[], req: Request): Decision {
  const applying = documents.flatMap(statementsOf).filter((s) => statementApplies(s, req));
  if (applying.some((s) => s.Effect === "Deny")) return "explicit-deny";
  return applying.some((s) => s.Effect === "Allow") ? "allow" : "implicit-deny";
}

/** AWS's managed AdministratorAccess policy document, as AWS publishes it. */
export const administratorAccessDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};
