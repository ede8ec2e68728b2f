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

export function perPrincipalAnswer(
  accountId: string,
  spec: PermissionsSpec,
  action: string,
  params: URLSearchParams,
): string | ScriptedError | undefined {
  const user = spec.users?.[params.get("UserName") ?? ""];
  const group = spec.groups?.[params.get("GroupName") ?? ""];
  const role = spec.roles?.[params.get("RoleName") ?? ""];
  const inlineDoc = (p: PrincipalSpec | undefined, owner: string, key: string) =>
    `<${key}>${owner}</${key}><PolicyName>${params.get("PolicyName")}</PolicyName><PolicyDocument>${encode(p?.inline?.[params.get("PolicyName") ?? ""] ?? {})}</PolicyDocument>`;
  switch (action) {
    case "ListAttachedUserPolicies":
      return attached(user);
    case "ListUserPolicies":
      return inlineNames(user);
    case "GetUserPolicy":
      return inlineDoc(user, params.get("UserName") ?? "", "UserName");
    case "ListGroupsForUser":
      return `<Groups>${(user?.groups ?? []).map((g) => member(`<Path>/</Path><GroupName>${g}</GroupName><GroupId>AGPA${g}</GroupId><Arn>arn:aws:iam::${accountId}:group/${g}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate>`)).join("")}</Groups>${none}`;
    case "ListGroups":
      return paged(
        Object.keys(spec.groups ?? {}),
        params,
        (g) =>
          `<Path>/</Path><GroupName>${g}</GroupName><GroupId>AGPA${g}</GroupId><Arn>arn:aws:iam::${accountId}:group/${g}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate>`,
        "Groups",
      );
    case "ListAttachedGroupPolicies":
      return attached(group);
    case "ListGroupPolicies":
      return inlineNames(group);
    case "GetGroupPolicy":
      return inlineDoc(group, params.get("GroupName") ?? "", "GroupName");
    case "ListRoles":
      return paged(
        Object.entries(spec.roles ?? {}),
        params,
        ([n, r]) =>
          `<Path>/</Path><RoleName>${n}</RoleName><RoleId>AROA${n}</RoleId><Arn>arn:aws:iam::${accountId}:role/${n}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${encode(r.trust)}</AssumeRolePolicyDocument>`,
        "Roles",
      );
    case "ListAttachedRolePolicies":
      return attached(role);
    case "ListRolePolicies":
      return inlineNames(role);
    case "GetRolePolicy":
      return inlineDoc(role, params.get("RoleName") ?? "", "RoleName");
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
