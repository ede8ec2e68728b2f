/**
 * The per-principal IAM calls a Prowler-like scanner makes, answered from the same
 * PermissionsSpec (for the benchmark's comparison only): ListGroups/ListRoles/ListPolicies
 * (paged), and per principal ListAttached*Policies, List*Policies, Get*Policy, ListGroupsForUser,
 * GetPolicyVersion.
 */
import { member, page, ScriptedError } from "./fakeAwsIam";
import {
  awsManagedDocuments,
  customerPolicy,
  encodeDocument,
  nameOfArn,
  PermissionsSpec,
  PrincipalSpec,
} from "./permissionSpec";

const none = "<IsTruncated>false</IsTruncated>";
const nameOf = nameOfArn;
const encode = encodeDocument;

function paged<T>(
  items: readonly T[],
  params: URLSearchParams,
  render: (x: T) => string,
  list: string,
): string {
  const p = page(items, params);
  return `<${list}>${p.items.map((x) => member(render(x))).join("")}</${list}>${p.tail}`;
}

const attached = (p: PrincipalSpec | undefined) =>
  `<AttachedPolicies>${(p?.attached ?? []).map((a) => member(`<PolicyName>${nameOf(a)}</PolicyName><PolicyArn>${a}</PolicyArn>`)).join("")}</AttachedPolicies>${none}`;
const inlineNames = (p: PrincipalSpec | undefined) =>
  `<PolicyNames>${Object.keys(p?.inline ?? {})
    .map(member)
    .join("")}</PolicyNames>${none}`;

const kinds = { User: "users", Group: "groups", Role: "roles" } as const;
const idPrefix = { Group: "AGPA", Role: "AROA" } as const;

export function perPrincipalAnswer(
  accountId: string,
  spec: PermissionsSpec,
  action: string,
  params: URLSearchParams,
): string | ScriptedError | undefined {
  /** A group or role as ListGroups, ListGroupsForUser and ListRoles list it. */
  const entity = (kind: keyof typeof idPrefix, name: string, extra = "") =>
    `<Path>/</Path><${kind}Name>${name}</${kind}Name><${kind}Id>${idPrefix[kind]}${name}</${kind}Id><Arn>arn:aws:iam::${accountId}:${kind.toLowerCase()}/${name}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate>${extra}`;
  const own = /^(ListAttached|List|Get)(User|Group|Role)Polic(?:ies|y)$/.exec(action);
  if (own) {
    const kind = own[2] as keyof typeof kinds;
    const name = params.get(`${kind}Name`) ?? "";
    const p: PrincipalSpec | undefined = spec[kinds[kind]]?.[name];
    if (own[1] === "ListAttached") return attached(p);
    if (own[1] === "List") return inlineNames(p);
    return `<${kind}Name>${name}</${kind}Name><PolicyName>${params.get("PolicyName")}</PolicyName><PolicyDocument>${encode(p?.inline?.[params.get("PolicyName") ?? ""] ?? {})}</PolicyDocument>`;
  }
  switch (action) {
    case "ListGroupsForUser":
      return `<Groups>${(spec.users?.[params.get("UserName") ?? ""]?.groups ?? []).map((g) => member(entity("Group", g))).join("")}</Groups>${none}`;
    case "ListGroups":
      return paged(Object.keys(spec.groups ?? {}), params, (g) => entity("Group", g), "Groups");
    case "ListRoles":
      return paged(
        Object.entries(spec.roles ?? {}),
        params,
        ([n, r]) =>
          entity("Role", n, `<AssumeRolePolicyDocument>${encode(r.trust)}</AssumeRolePolicyDocument>`),
        "Roles",
      );
    case "ListPolicies":
      return paged(
        Object.keys(spec.policies ?? {}),
        params,
        (n) =>
          `<PolicyName>${n}</PolicyName><PolicyId>ANPA${n}</PolicyId><Arn>${customerPolicy(n, accountId)}</Arn><Path>/</Path><DefaultVersionId>v1</DefaultVersionId><AttachmentCount>0</AttachmentCount><IsAttachable>true</IsAttachable>`,
        "Policies",
      );
    case "GetPolicyVersion": {
      const arn = params.get("PolicyArn") ?? "";
      const doc = spec.policies?.[nameOf(arn)] ?? awsManagedDocuments[arn] ?? {};
      return `<PolicyVersion><Document>${encode(doc)}</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>`;
    }
    default:
      return undefined;
  }
}
