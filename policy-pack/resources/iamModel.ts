/**
 * The stack's IAM resources read as who-gets-which-policy. Resources refer to each other by name
 * properties (`user`, `group`, `policyArn`, ...); a reference matches a resource whose `name`,
 * `id` or `arn` equals it (IAM users' and groups' ids are their names).
 */
import { PolicyResource } from "@pulumi/policy";
import { MfaVerdict, forceMfaVerdict } from "../iam/forceMfa";
import { allowsEverything } from "../iam/policyDocument";
import { awsTypes } from "./types";

export type PrincipalKind = "user" | "group" | "role";

/** One resource giving one principal a policy, inline (a document) or managed (an ARN). */
export interface Grant {
  readonly resource: PolicyResource;
  readonly principal: { readonly kind: PrincipalKind; readonly name: string };
  readonly policy: { readonly inline: unknown } | { readonly arn: string };
}

/** A resource reference as a string: a plain string, or the id/urn of a reference object. */
export function refString(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    for (const k of ["id", "name", "urn"]) if (typeof o[k] === "string" && o[k] !== "") return o[k] as string;
  }
  return undefined;
}

function refList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(refString).filter((s): s is string => s !== undefined) : [];
}

export function ofType(resources: readonly PolicyResource[], type: string): PolicyResource[] {
  return resources.filter((r) => r.type === type);
}

/** Whether `ref` names this resource (its `name`, `id` or `arn` property). */
export function refersTo(ref: string, r: PolicyResource): boolean {
  return ["name", "id", "arn"].some((k) => r.props[k] === ref);
}

/** The IAM user name a reference stands for: the matching User's `name`, else the reference itself. */
export function userName(resources: readonly PolicyResource[], ref: string): string {
  const user = ofType(resources, awsTypes.user).find((u) => refersTo(ref, u));
  return typeof user?.props.name === "string" ? user.props.name : ref;
}

type Props = Record<string, unknown>;
type GrantPolicy = Grant["policy"];

interface GrantSource {
  readonly type: string;
  readonly kind: PrincipalKind;
  readonly principals: (p: Props, resource: PolicyResource) => string[];
  readonly policies: (p: Props) => GrantPolicy[];
}

const one = (key: string) => (p: Props) => {
  const s = refString(p[key]);
  return s === undefined ? [] : [s];
};
/**
 * An inline document, read only when a policy asks for it: during preview a document can be
 * unknown (the SupportRole's names the role's ARN), and a policy that needs only who is granted
 * (iam-policies-via-groups-only, support-role-declared) must not stop on it.
 */
const lazyDocument = (read: () => unknown): GrantPolicy => ({
  get inline() {
    return read();
  },
});
const inline = (key: string) => (p: Props) => [lazyDocument(() => p[key])];
const arn = (key: string) => (p: Props) => one(key)(p).map((arn) => ({ arn }));
const arns = (key: string) => (p: Props) => refList(p[key]).map((arn) => ({ arn }));
/** A role's own `inlinePolicies` input: `[{ name, policy }]`. */
const rolesInline = (p: Props) =>
  Array.isArray(p.inlinePolicies)
    ? p.inlinePolicies.map((ip) => lazyDocument(() => (ip as Props | null)?.policy))
    : [];

/** The three ways to give one kind of principal a policy: inline, attached, attached exclusively. */
const perPrincipal = (
  kind: PrincipalKind,
  types: { readonly inline: string; readonly attachment: string; readonly exclusive: string },
): GrantSource[] => [
  { type: types.inline, kind, principals: one(kind), policies: inline("policy") },
  { type: types.attachment, kind, principals: one(kind), policies: arn("policyArn") },
  { type: types.exclusive, kind, principals: one(`${kind}Name`), policies: arns("policyArns") },
];

const grantSources: GrantSource[] = [
  ...perPrincipal("user", {
    inline: awsTypes.userPolicy,
    attachment: awsTypes.userPolicyAttachment,
    exclusive: awsTypes.userPolicyAttachmentsExclusive,
  }),
  ...perPrincipal("group", {
    inline: awsTypes.groupPolicy,
    attachment: awsTypes.groupPolicyAttachment,
    exclusive: awsTypes.groupPolicyAttachmentsExclusive,
  }),
  ...perPrincipal("role", {
    inline: awsTypes.rolePolicy,
    attachment: awsTypes.rolePolicyAttachment,
    exclusive: awsTypes.rolePolicyAttachmentsExclusive,
  }),
  // The Role's own (deprecated, still accepted) inputs attach policies as surely as an attachment.
  {
    type: awsTypes.role,
    kind: "role",
    principals: (p, r) => [refString(p.name) ?? r.name],
    policies: (p) => [...arns("managedPolicyArns")(p), ...rolesInline(p)],
  },
  {
    type: awsTypes.policyAttachment,
    kind: "user",
    principals: (p) => refList(p.users),
    policies: arn("policyArn"),
  },
  {
    type: awsTypes.policyAttachment,
    kind: "group",
    principals: (p) => refList(p.groups),
    policies: arn("policyArn"),
  },
  {
    type: awsTypes.policyAttachment,
    kind: "role",
    principals: (p) => refList(p.roles),
    policies: arn("policyArn"),
  },
];

/** Every policy grant the resource makes (none for a resource that grants nothing). */
export function grantsOf(resource: PolicyResource): Grant[] {
  return grantSources
    .filter((s) => s.type === resource.type)
    .flatMap((s) => {
      const policies = s.policies(resource.props);
      return s
        .principals(resource.props, resource)
        .flatMap((name) =>
          policies.map((policy) => ({ resource, principal: { kind: s.kind, name }, policy })),
        );
    });
}

/** The document of the customer-managed Policy in the stack with this ARN or name; undefined for any other ARN. */
function managedDocument(resources: readonly PolicyResource[], arn: string): unknown {
  const managed = ofType(resources, awsTypes.policy).find(
    (p) => refersTo(arn, p) || (typeof p.props.name === "string" && arn.endsWith(`/${p.props.name}`)),
  );
  return managed?.props.policy;
}

/** A grant's policy as documents and, for an ARN whose document is not in the stack, the ARN. */
function policiesOf(resources: readonly PolicyResource[], policy: GrantPolicy) {
  if ("inline" in policy) return { documents: [policy.inline], managedPolicyArns: [] };
  const doc = managedDocument(resources, policy.arn);
  return doc === undefined
    ? { documents: [], managedPolicyArns: [policy.arn] }
    : { documents: [doc], managedPolicyArns: [] };
}

/** AdministratorAccess, or a policy with an Allow of "*" on "*". */
export function grantsAdmin(resources: readonly PolicyResource[], policy: GrantPolicy): boolean {
  const { documents, managedPolicyArns } = policiesOf(resources, policy);
  return allowsEverything(documents, managedPolicyArns);
}

/** Whether the named group's policies, taken together, enforce MFA (../iam/forceMfa.ts). */
export function groupMfaVerdict(resources: readonly PolicyResource[], group: string): MfaVerdict {
  const policies = resources
    .flatMap(grantsOf)
    .filter((g) => g.principal.kind === "group" && sameGroup(resources, g.principal.name, group))
    .map((g) => policiesOf(resources, g.policy));
  return forceMfaVerdict({
    documents: policies.flatMap((p) => p.documents),
    managedPolicyArns: policies.flatMap((p) => p.managedPolicyArns),
  });
}

function sameGroup(resources: readonly PolicyResource[], a: string, b: string): boolean {
  if (a === b) return true;
  const group = ofType(resources, awsTypes.group).find((g) => refersTo(a, g));
  return group !== undefined && refersTo(b, group);
}
