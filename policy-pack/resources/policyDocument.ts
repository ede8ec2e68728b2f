/**
 * IAM policy documents as the resources carry them (a JSON string, or the object form
 * `aws.iam.PolicyDocument`), normalized to statements, and the two questions the policies ask:
 * does a statement grant full administrative rights, and does one deny everything but MFA
 * self-service while MFA is absent.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html
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

function isFalse(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0 && v.every(isFalse);
  return v === false || (typeof v === "string" && v.toLowerCase() === "false");
}

/** A `Bool`/`BoolIfExists` condition that matches when `aws:MultiFactorAuthPresent` is false. */
function whenMfaAbsent(condition: Statement["condition"]): boolean {
  return Object.entries(condition).some(
    ([op, keys]) =>
      ["bool", "boolifexists"].includes(op.toLowerCase()) &&
      Object.entries(keys).some(([k, v]) => k.toLowerCase() === "aws:multifactorauthpresent" && isFalse(v)),
  );
}

/** An exception a person needs to set up MFA: a named IAM or STS action, not a whole service. */
function isMfaSelfServiceException(action: string): boolean {
  return /^(iam|sts):[A-Za-z*]+$/.test(action) && !/^(iam|sts):\*$/.test(action);
}

/**
 * Deny of everything (Action "*", or NotAction listing only named IAM/STS self-service actions)
 * on Resource "*" while `aws:MultiFactorAuthPresent` is false.
 */
export function isMfaEnforcingStatement(s: Statement): boolean {
  const coversEverything =
    s.actions.includes("*") ||
    (s.actions.length === 0 && s.notActions.length > 0 && s.notActions.every(isMfaSelfServiceException));
  return s.effect === "Deny" && coversEverything && s.resources.includes("*") && whenMfaAbsent(s.condition);
}
