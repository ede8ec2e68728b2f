/**
 * TEMPORARY, until the account's authorization snapshot (GetAccountAuthorizationDetails, issue 10)
 * is merged and feeds the review instead: the account's principals from a paginated ListUsers,
 * ListGroups and ListRoles, and per principal whether it has a policy of its own
 * (ListAttached{User,Group,Role}Policies, then List{User,Group,Role}Policies if none is attached;
 * one item each). Costs 3 listings (a call per 1,000 principals) plus 1 or 2 calls per principal,
 * with at most `concurrency` calls in flight. Never throws for an AWS failure: a listing that
 * fails makes the whole list unavailable, naming the permission.
 */
import pLimit from "p-limit";
import { attempt, ReadFailure } from "../awsErrors";
import { Fact } from "../facts";
import { baseClientConfig } from "../readApi";
import { defaultLastAccessedConcurrency } from "./config";
import type { Deadline } from "../deadline";
import { callUnder } from "./job";
import { Principal, PrincipalKind } from "./principal";

type Iam = typeof import("@aws-sdk/client-iam");
type Client = InstanceType<Iam["IAMClient"]>;

interface Listed {
  readonly name: string;
  readonly arn: string;
}

interface Page {
  readonly items: readonly Listed[];
  readonly IsTruncated?: boolean;
  readonly Marker?: string;
}

const titles: Record<PrincipalKind, "Group" | "Role" | "User"> = {
  group: "Group",
  role: "Role",
  user: "User",
};

/** Every permission the listing uses (examples/audit-readonly-policy.json grants them). */
export const listingPermissions = Object.values(titles).flatMap((t) => [
  `iam:List${t}s`,
  `iam:ListAttached${t}Policies`,
  `iam:List${t}Policies`,
]);

/** One call: under the bound on calls in flight and the deadline, a failure named by its permission. */
type Run = <T>(
  permission: string,
  send: (options: { abortSignal?: AbortSignal }) => Promise<T>,
) => Promise<T>;

async function listAll(kind: PrincipalKind, iam: Client, sdk: Iam, run: Run): Promise<Listed[]> {
  const permission = `iam:List${titles[kind]}s`;
  const out: Listed[] = [];
  let marker: string | undefined;
  do {
    const input = { MaxItems: 1000, Marker: marker };
    const page: Page = await run(permission, async (o) => {
      if (kind === "user") {
        const r = await iam.send(new sdk.ListUsersCommand(input), o);
        return { ...r, items: (r.Users ?? []).map((u) => ({ name: u.UserName ?? "", arn: u.Arn ?? "" })) };
      }
      if (kind === "group") {
        const r = await iam.send(new sdk.ListGroupsCommand(input), o);
        return {
          ...r,
          items: (r.Groups ?? []).map((g) => ({ name: g.GroupName ?? "", arn: g.Arn ?? "" })),
        };
      }
      const r = await iam.send(new sdk.ListRolesCommand(input), o);
      return { ...r, items: (r.Roles ?? []).map((x) => ({ name: x.RoleName ?? "", arn: x.Arn ?? "" })) };
    });
    out.push(...page.items);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return out;
}

/** Whether the principal has an attached or inline policy of its own. */
async function hasPolicies(kind: PrincipalKind, name: string, iam: Client, sdk: Iam, run: Run) {
  const t = titles[kind];
  const attached = await run(`iam:ListAttached${t}Policies`, async (o) => {
    if (kind === "user")
      return (await iam.send(new sdk.ListAttachedUserPoliciesCommand({ UserName: name, MaxItems: 1 }), o))
        .AttachedPolicies;
    if (kind === "group")
      return (await iam.send(new sdk.ListAttachedGroupPoliciesCommand({ GroupName: name, MaxItems: 1 }), o))
        .AttachedPolicies;
    return (await iam.send(new sdk.ListAttachedRolePoliciesCommand({ RoleName: name, MaxItems: 1 }), o))
      .AttachedPolicies;
  });
  if ((attached ?? []).length > 0) return true;
  const inline = await run(`iam:List${t}Policies`, async (o) => {
    if (kind === "user")
      return (await iam.send(new sdk.ListUserPoliciesCommand({ UserName: name, MaxItems: 1 }), o))
        .PolicyNames;
    if (kind === "group")
      return (await iam.send(new sdk.ListGroupPoliciesCommand({ GroupName: name, MaxItems: 1 }), o))
        .PolicyNames;
    return (await iam.send(new sdk.ListRolePoliciesCommand({ RoleName: name, MaxItems: 1 }), o)).PolicyNames;
  });
  return (inline ?? []).length > 0;
}

export interface ListingOptions {
  readonly concurrency?: number;
  readonly requestTimeoutMs?: number;
  readonly deadline?: Deadline;
}

export async function listPrincipals(
  clientConfig: Readonly<Record<string, unknown>> = {},
  options: ListingOptions = {},
): Promise<Fact<readonly Principal[]>> {
  const sdk = await import("@aws-sdk/client-iam");
  const iam = new sdk.IAMClient(baseClientConfig(clientConfig, options.requestTimeoutMs));
  const limit = pLimit(options.concurrency ?? defaultLastAccessedConcurrency);
  const call = callUnder(options.deadline);
  const run: Run = (permission, send) => limit(() => attempt(permission, () => call(permission, send)));
  try {
    const kinds = ["group", "role", "user"] as const;
    const listed = await Promise.all(kinds.map((k) => listAll(k, iam, sdk, run)));
    const principals = await Promise.all(
      kinds.flatMap((kind, i) =>
        listed[i].map(async (p) => ({
          kind,
          ...p,
          hasPolicies: await hasPolicies(kind, p.name, iam, sdk, run),
        })),
      ),
    );
    return { value: principals };
  } catch (e) {
    if (e instanceof ReadFailure) return { unavailable: e.message };
    throw e;
  } finally {
    iam.destroy();
  }
}
