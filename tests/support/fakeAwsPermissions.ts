/**
 * fakeAws's answers for the permissions review, in AWS's documented shapes: IAM
 * GetAccountAuthorizationDetails (Query/XML, paged with Marker and MaxItems over users, groups,
 * roles and policies in that order; documents URL-encoded as IAM returns them),
 * ListServerCertificates (paged), ListOrganizationsFeatures, and Access Analyzer ListAnalyzers
 * (REST-JSON `GET /analyzer`, paged with nextToken, per SigV4 region).
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 * @see https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ListAnalyzers.html
 */
import { esc, member, page, ScriptedError } from "./fakeAwsIam";
import { perPrincipalAnswer } from "./fakeAwsPerPrincipal";
import { specAccount, SpecPrincipal } from "./permissionAccount";
import { encodeDocument, goodPermissions, nameOfArn, PermissionsSpec } from "./permissionSpec";

/** An account whose permissions a test does not script: compliant (a support role, an analyzer, no organization). */
export const defaultPermissions: PermissionsSpec = {
  ...goodPermissions,
  users: {},
  organizationsFeatures: "no-organization",
};

export type { PermissionsSpec } from "./permissionSpec";

const encode = (doc: object) => esc(encodeDocument(doc));
const created = "2024-01-01T00:00:00Z";

function attachedXml(p: SpecPrincipal): string {
  return `<AttachedManagedPolicies>${(p.attached ?? [])
    .map((arn) => member(`<PolicyName>${esc(nameOfArn(arn))}</PolicyName><PolicyArn>${esc(arn)}</PolicyArn>`))
    .join("")}</AttachedManagedPolicies>`;
}

function inlineXml(list: string, p: SpecPrincipal): string {
  return `<${list}>${Object.entries(p.inline ?? {})
    .map(([name, doc]) =>
      member(`<PolicyName>${esc(name)}</PolicyName><PolicyDocument>${encode(doc)}</PolicyDocument>`),
    )
    .join("")}</${list}>`;
}

/** How IAM's unique ids begin, by entity. */
const idPrefix = { User: "AIDA", Group: "AGPA", Role: "AROA" } as const;

type Entity = { list: "UserDetailList" | "GroupDetailList" | "RoleDetailList" | "Policies"; xml: string };

/** Every entity of the account, in the order IAM pages them. */
export function authorizationEntities(
  accountId: string,
  spec: PermissionsSpec,
  reportUsers: readonly string[],
): Entity[] {
  const a = specAccount(spec, accountId, reportUsers);
  const ids = (kind: keyof typeof idPrefix, p: SpecPrincipal, path = "/") =>
    `<Path>${esc(path)}</Path><${kind}Name>${esc(p.name)}</${kind}Name><${kind}Id>${idPrefix[kind]}${esc(p.name)}</${kind}Id><Arn>${esc(p.arn)}</Arn><CreateDate>${created}</CreateDate>`;
  return [
    ...a.users.map((u): Entity => ({
      list: "UserDetailList",
      xml: `${ids("User", u)}${inlineXml("UserPolicyList", u)}<GroupList>${u.groups.map((g) => member(esc(g))).join("")}</GroupList>${attachedXml(u)}<Tags/>`,
    })),
    ...a.groups.map((g): Entity => ({
      list: "GroupDetailList",
      xml: `${ids("Group", g)}${inlineXml("GroupPolicyList", g)}${attachedXml(g)}`,
    })),
    ...a.roles.map((r): Entity => ({
      list: "RoleDetailList",
      xml: `${ids("Role", r, r.path)}<AssumeRolePolicyDocument>${encode(r.trust)}</AssumeRolePolicyDocument><InstanceProfileList/>${inlineXml("RolePolicyList", r)}${attachedXml(r)}<Tags/><RoleLastUsed/>`,
    })),
    ...a.policies.map((p): Entity => ({
      list: "Policies",
      xml: `<PolicyName>${esc(p.name)}</PolicyName><PolicyId>ANPA${esc(p.name)}</PolicyId><Arn>${esc(p.arn)}</Arn><Path>/</Path><DefaultVersionId>v2</DefaultVersionId><AttachmentCount>${p.attachmentCount}</AttachmentCount><PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount><IsAttachable>true</IsAttachable><CreateDate>${created}</CreateDate><UpdateDate>${created}</UpdateDate><PolicyVersionList>${member(`<Document>${encode({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }] })}</Document><VersionId>v1</VersionId><IsDefaultVersion>false</IsDefaultVersion><CreateDate>${created}</CreateDate>`)}${member(`<Document>${encode(p.document)}</Document><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>${created}</CreateDate>`)}</PolicyVersionList>`,
    })),
  ];
}

/**
 * The XML result of one permissions action, the error it answers, or undefined when `action` is
 * none of them. `entities` is computed once per account (an account of 5,000 users pages it often).
 */
export function permissionsAnswer(
  accountId: string,
  spec: PermissionsSpec,
  entities: () => readonly Entity[],
  action: string,
  params: URLSearchParams,
): string | ScriptedError | undefined {
  switch (action) {
    case "GetAccountAuthorizationDetails": {
      const p = page(entities(), params);
      const lists = (["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"] as const).map(
        (l) =>
          `<${l}>${p.items
            .filter((e) => e.list === l)
            .map((e) => member(e.xml))
            .join("")}</${l}>`,
      );
      return `${lists.join("")}${p.tail}`;
    }
    case "ListServerCertificates": {
      const p = page(spec.serverCertificates ?? [], params);
      return `<ServerCertificateMetadataList>${p.items
        .map((c) =>
          member(
            `<Path>/</Path><ServerCertificateName>${esc(c.name)}</ServerCertificateName><ServerCertificateId>ASCA${esc(c.name)}</ServerCertificateId><Arn>arn:aws:iam::${accountId}:server-certificate/${esc(c.name)}</Arn><UploadDate>${created}</UploadDate><Expiration>${c.expiration}</Expiration>`,
          ),
        )
        .join("")}</ServerCertificateMetadataList>${p.tail}`;
    }
    case "ListOrganizationsFeatures": {
      const f = spec.organizationsFeatures ?? "no-organization";
      if (f === "not-management")
        return {
          code: "AccountNotManagementOrDelegatedAdministratorException",
          status: 400,
          message: "The account is not the management account or delegated administrator.",
        };
      if (f === "no-organization")
        return {
          code: "OrganizationNotFoundException",
          status: 400,
          message: "The request was rejected because no organization is associated with your account.",
        };
      if (f === "no-trusted-access")
        return {
          code: "ServiceAccessNotEnabledException",
          status: 400,
          message: "The service access is not enabled.",
        };
      return `<OrganizationId>o-fake123</OrganizationId><EnabledFeatures>${f.map((x) => member(x)).join("")}</EnabledFeatures>`;
    }
    default:
      return perPrincipalAnswer(accountId, spec, action, params);
  }
}

/** Access Analyzer ListAnalyzers (REST-JSON) for `region`: the JSON body, `maxResults` a page, then nextToken. */
export function listAnalyzersAnswer(
  spec: PermissionsSpec,
  region: string,
  query: URLSearchParams,
  accountId: string,
): string {
  const all = spec.analyzers?.[region] ?? [];
  const start = Number(query.get("nextToken") ?? 0);
  const end = Math.min(all.length, start + Number(query.get("maxResults") ?? 100));
  const analyzers = all.slice(start, end).map((a) => ({
    arn: `arn:aws:access-analyzer:${region}:${accountId}:analyzer/${a.name}`,
    name: a.name,
    type: a.type,
    createdAt: created,
    status: a.status,
  }));
  return JSON.stringify({ analyzers, ...(end < all.length ? { nextToken: String(end) } : {}) });
}
