/**
 * The permissions half of an account, read with the SDK v3 and the same client configuration as
 * readApi.ts (baseClientConfig: region, retries, time-outs): GetAccountAuthorizationDetails
 * paged with Marker (1,000 items a page), ListServerCertificates (paged), ListOrganizationsFeatures
 * (one call) and Access Analyzer ListAnalyzers in each region checked (paged). Calls grow with
 * pages, never with principals. Never throws: each read that fails is an unavailable fact naming
 * the permission, so only the checks that need it are not evaluated.
 */
import type { IAMClient } from "@aws-sdk/client-iam";
import { attempt, fact, present } from "../awsErrors";
import { callUnder, Send } from "../deadline";
import { Fact } from "../facts";
import { policyStatements, trustStatements } from "./documents";
import {
  Analyzer,
  AttachedPolicy,
  AuthorizationSnapshot,
  InlinePolicy,
  ManagedPolicy,
  OrganizationsFeatures,
  PermissionFacts,
  ServerCertificate,
  SnapshotGroup,
  SnapshotRole,
  SnapshotUser,
} from "./snapshot";

type Iam = typeof import("@aws-sdk/client-iam");

/**
 * How each call is sent: readApi's deadline-bound `send` (the account's one deadline aborts it);
 * default: straight to the client.
 */
const direct: Send = callUnder(undefined);

export interface PermissionReadOptions {
  /** Regions whose analyzers are listed; default: the clients' region (the provider's or AWS_REGION). */
  readonly analyzerRegions?: readonly string[];
}

const pageSize = 1000;
const gaad = "iam:GetAccountAuthorizationDetails";
const listCerts = "iam:ListServerCertificates";
const listFeatures = "iam:ListOrganizationsFeatures";
const awsManagedArn = /^arn:aws[\w-]*:iam::aws:policy\//;

const attached = (list: { PolicyName?: string; PolicyArn?: string }[] | undefined): AttachedPolicy[] =>
  (list ?? []).map((p) => ({ name: p.PolicyName ?? "", arn: p.PolicyArn ?? "" }));

function inline(
  list: { PolicyName?: string; PolicyDocument?: string }[] | undefined,
  owner: string,
): InlinePolicy[] {
  return (list ?? []).map((p) => ({
    name: p.PolicyName ?? "",
    statements: policyStatements(p.PolicyDocument, `${owner}, inline policy ${p.PolicyName}`),
  }));
}

/** Every page of GetAccountAuthorizationDetails, each document decoded and parsed as it arrives. */
export async function readAuthorization(
  iam: IAMClient,
  sdk: Iam,
  send: Send = direct,
): Promise<AuthorizationSnapshot> {
  const users: SnapshotUser[] = [];
  const groups: SnapshotGroup[] = [];
  const roles: SnapshotRole[] = [];
  const policies = new Map<string, ManagedPolicy>();
  let marker: string | undefined;
  do {
    const page = await attempt(gaad, () =>
      send(gaad, (opts) =>
        iam.send(new sdk.GetAccountAuthorizationDetailsCommand({ MaxItems: pageSize, Marker: marker }), opts),
      ),
    );
    for (const u of page.UserDetailList ?? []) {
      const name = u.UserName ?? "";
      users.push({
        name,
        arn: u.Arn ?? "",
        groups: u.GroupList ?? [],
        attached: attached(u.AttachedManagedPolicies),
        inline: inline(u.UserPolicyList, `user ${name}`),
      });
    }
    for (const g of page.GroupDetailList ?? []) {
      const name = g.GroupName ?? "";
      groups.push({
        name,
        arn: g.Arn ?? "",
        attached: attached(g.AttachedManagedPolicies),
        inline: inline(g.GroupPolicyList, `group ${name}`),
      });
    }
    for (const r of page.RoleDetailList ?? []) {
      const name = r.RoleName ?? "";
      roles.push({
        name,
        arn: r.Arn ?? "",
        path: r.Path ?? "/",
        trust: trustStatements(r.AssumeRolePolicyDocument, `role ${name}, trust policy`),
        attached: attached(r.AttachedManagedPolicies),
        inline: inline(r.RolePolicyList, `role ${name}`),
      });
    }
    for (const p of page.Policies ?? []) {
      const arn = p.Arn ?? "";
      const version = (p.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion);
      policies.set(arn, {
        name: p.PolicyName ?? "",
        arn,
        awsManaged: awsManagedArn.test(arn),
        attachmentCount: p.AttachmentCount ?? 0,
        statements: version
          ? policyStatements(version.Document, `policy ${p.PolicyName}, default version`)
          : [],
      });
    }
    marker = present(gaad, page.IsTruncated, "IsTruncated") ? page.Marker : undefined;
  } while (marker);
  return { users, groups, roles, policies };
}

export async function readServerCertificates(
  iam: IAMClient,
  sdk: Iam,
  send: Send = direct,
): Promise<ServerCertificate[]> {
  const out: ServerCertificate[] = [];
  let marker: string | undefined;
  do {
    const page = await attempt(listCerts, () =>
      send(listCerts, (opts) =>
        iam.send(new sdk.ListServerCertificatesCommand({ MaxItems: pageSize, Marker: marker }), opts),
      ),
    );
    for (const c of page.ServerCertificateMetadataList ?? []) {
      out.push({ name: c.ServerCertificateName ?? "", arn: c.Arn ?? "", expiration: c.Expiration ?? null });
    }
    marker = present(listCerts, page.IsTruncated, "IsTruncated") ? page.Marker : undefined;
  } while (marker);
  return out;
}

/**
 * ListOrganizationsFeatures answers on a management account (or IAM's delegated administrator);
 * elsewhere it says the account is none, or in no organization: nothing to check then.
 */
export async function readOrganizationsFeatures(
  iam: IAMClient,
  sdk: Iam,
  send: Send = direct,
): Promise<OrganizationsFeatures> {
  try {
    const out = await send(listFeatures, (opts) =>
      iam.send(new sdk.ListOrganizationsFeaturesCommand({}), opts),
    );
    const organizationId = present(listFeatures, out.OrganizationId, "OrganizationId");
    return { applies: true, organizationId, enabled: out.EnabledFeatures ?? [] };
  } catch (e) {
    if (e instanceof sdk.AccountNotManagementOrDelegatedAdministratorException) {
      return { applies: false, why: "the account is not the organization's management account" };
    }
    if (e instanceof sdk.OrganizationNotFoundException) {
      return { applies: false, why: "the account is in no organization" };
    }
    if (e instanceof sdk.ServiceAccessNotEnabledException) {
      return {
        applies: true,
        organizationId: null,
        enabled: [],
        note: "trusted access for IAM (iam.amazonaws.com) is not enabled in Organizations",
      };
    }
    return attempt(listFeatures, () => Promise.reject(e));
  }
}

/** The analyzers of one region. */
export async function readAnalyzers(
  config: Record<string, unknown>,
  region: string,
  send: Send = direct,
): Promise<Analyzer[]> {
  const sdk = await import("@aws-sdk/client-accessanalyzer");
  const client = new sdk.AccessAnalyzerClient({ ...config, region });
  try {
    const out: Analyzer[] = [];
    let nextToken: string | undefined;
    do {
      const call = "access-analyzer:ListAnalyzers";
      const page = await attempt(call, () =>
        send(call, (opts) => client.send(new sdk.ListAnalyzersCommand({ maxResults: 100, nextToken }), opts)),
      );
      for (const a of present(call, page.analyzers, "analyzers"))
        out.push({ name: a.name ?? "", type: a.type ?? "", status: a.status ?? "" });
      nextToken = page.nextToken;
    } while (nextToken);
    return out;
  } finally {
    client.destroy();
  }
}

/** Each region's analyzers, read at once; a region that fails is unavailable on its own. */
export async function readAnalyzerRegions(
  config: Record<string, unknown>,
  regions: readonly string[],
  send: Send = direct,
): Promise<Record<string, Fact<readonly Analyzer[]>>> {
  const unique = [...new Set(regions)];
  const facts = await Promise.all(unique.map((r) => fact(() => readAnalyzers(config, r, send))));
  return Object.fromEntries(unique.map((r, i) => [r, facts[i]]));
}

/** The permission facts of the account the IAM client (and `config`) reach. */
export async function readPermissionFacts(
  iam: IAMClient,
  sdk: Iam,
  config: Record<string, unknown>,
  options: PermissionReadOptions,
  send: Send = direct,
): Promise<PermissionFacts> {
  const regions = options.analyzerRegions?.length ? options.analyzerRegions : [String(config.region)];
  const [authorization, serverCertificates, organizationsFeatures, analyzers] = await Promise.all([
    fact(() => readAuthorization(iam, sdk, send)),
    fact(() => readServerCertificates(iam, sdk, send)),
    fact(() => readOrganizationsFeatures(iam, sdk, send)),
    readAnalyzerRegions(config, regions, send),
  ]);
  return { authorization, serverCertificates, organizationsFeatures, analyzers };
}
