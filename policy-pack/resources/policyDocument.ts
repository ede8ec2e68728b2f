/**
 * IAM policy documents as the resources carry them (a JSON string, or the object form
 * `aws.iam.PolicyDocument`), normalized to statements, and whether a statement grants full
 * administrative rights. Whether statements enforce MFA is ./mfaDeny.ts.
 */

export interface Statement {
  readonly effect: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
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
