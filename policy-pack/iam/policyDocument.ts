/**
 * IAM policy documents as resources and the IAM API carry them (a JSON string, or the parsed
 * object), normalized to statements, and whether a statement grants full administrative rights.
 * Whether a group's policies enforce MFA is ./forceMfa.ts.
 */

export interface Statement {
  readonly effect: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly condition: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** AWS's managed full-access policy, in any partition. */
const administratorAccessArn = /^arn:aws[\w-]*:iam::aws:policy\/AdministratorAccess$/;

export function isAdministratorAccessArn(arn: string): boolean {
  return administratorAccessArn.test(arn);
}

function list(v: unknown): string[] {
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * The statements of a document; a string that is not JSON yields none (AWS would reject it at
 * deployment, and no statement in it can grant anything).
 */
export function statementsOf(document: unknown): Statement[] {
  let doc = document;
  if (typeof doc === "string") {
    try {
      doc = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  const raw = record(doc).Statement;
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return statements.map((s) => {
    const st = record(s);
    const condition = Object.fromEntries(
      Object.entries(record(st.Condition)).map(([op, m]) => [op, record(m)]),
    );
    return {
      effect: typeof st.Effect === "string" ? st.Effect : "",
      actions: list(st.Action),
      notActions: list(st.NotAction),
      resources: list(st.Resource),
      notResources: list(st.NotResource),
      condition,
    };
  });
}

/** Allow of Action "*" (or "*:*") on Resource "*": every action on everything. */
export function isAdminStatement(s: Statement): boolean {
  return (
    s.effect === "Allow" &&
    s.actions.some((a) => a === "*" || a === "*:*") &&
    s.resources.some((r) => r === "*")
  );
}

/** Whether these policies, taken together, allow every action on everything (CIS v5 1.15's `*:*`). */
export function allowsEverything(
  documents: readonly unknown[],
  managedPolicyArns: readonly string[],
): boolean {
  return (
    managedPolicyArns.some(isAdministratorAccessArn) || documents.flatMap(statementsOf).some(isAdminStatement)
  );
}

/** IAM's wildcard match: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const body = pattern
    .split(/([*?])/)
    .map((part) => (part === "*" ? ".*" : part === "?" ? "." : part.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, ignoreCase ? "is" : "s").test(value);
}

/** Whether an Action / NotAction list names this action (case-insensitive, with wildcards). */
export function namesAction(patterns: readonly string[], action: string): boolean {
  return patterns.some((p) => wildcardMatch(p, action, true));
}

/** Whether the statement's Action (or NotAction) covers this action. */
export function coversAction(s: Statement, action: string): boolean {
  return s.actions.length > 0
    ? namesAction(s.actions, action)
    : s.notActions.length > 0 && !namesAction(s.notActions, action);
}
