/**
 * admin-access-requires-mfa (Prowler iam_administrator_access_with_mfa; the baseline's stated
 * CIS v5 1.15 deviation: AdministratorAccess stays on the Administrators group, which denies
 * everything but MFA self-service without MFA). A user with full administrative rights must get
 * them only through groups that enforce MFA, and have MFA active; a role with them must require
 * MFA in its trust policy, or trust only AWS services, SAML or IAM Identity Center.
 */
import { PolicyName } from "../../controls";
import { AccountFacts, Fact, isAvailable, ReportUser } from "../facts";
import { fail, Finding, notEvaluated } from "../finding";
import { adminGrants, allStatements } from "../permissions/grants";
import { groupEnforcesMfa, MfaVerdict } from "../permissions/mfaGroup";
import { AuthorizationSnapshot, SnapshotGroup, SnapshotUser } from "../permissions/snapshot";
import { assumableWithoutMfa } from "../permissions/trust";
import { Rule } from "./context";
import { withSnapshot } from "./snapshotRule";

const policy: PolicyName = "admin-access-requires-mfa";
const requirement =
  "full administrative rights must come only through a group that enforces MFA, with MFA active";

/** Each group's admin grants and MFA verdict, computed once per group, not once per member. */
interface GroupAdmin {
  readonly g: SnapshotGroup;
  readonly grants: readonly string[];
  readonly verdict: MfaVerdict;
}

function verdictOf(s: AuthorizationSnapshot, g: SnapshotGroup): MfaVerdict {
  const { statements, unlisted } = allStatements(s, g);
  return groupEnforcesMfa(statements, unlisted);
}

function groupAdmins(s: AuthorizationSnapshot): Map<string, GroupAdmin> {
  const out = new Map<string, GroupAdmin>();
  for (const g of s.groups) {
    const grants = adminGrants(s, g);
    if (grants.length > 0) out.set(g.name, { g, grants, verdict: verdictOf(s, g) });
  }
  return out;
}

function userFinding(
  s: AuthorizationSnapshot,
  groups: ReadonlyMap<string, GroupAdmin>,
  u: SnapshotUser,
  rows: Fact<ReadonlyMap<string, ReportUser>>,
): Finding | undefined {
  const direct = adminGrants(s, u);
  const viaGroups = u.groups.flatMap((name) => groups.get(name) ?? []);
  if (direct.length === 0 && viaGroups.length === 0) return undefined;
  const problems: string[] = [];
  if (direct.length > 0) problems.push(`${direct.join(", ")} attached to the user directly`);
  for (const { g, grants, verdict: v } of viaGroups) {
    if (v.enforces) continue;
    const why = v.reasons.length > 0 ? `: ${v.reasons.join("; ")}` : " (no policy denies access without MFA)";
    problems.push(`${grants.join(", ")} through group ${g.name}, which does not enforce MFA${why}`);
  }
  if (problems.length === 0) {
    if (!isAvailable(rows))
      return notEvaluated(policy, u.name, `whether ${u.name} has MFA active is unknown: ${rows.unavailable}`);
    const row = rows.value.get(u.name);
    if (!row)
      return notEvaluated(
        policy,
        u.name,
        `${u.name} is not in the credential report, so whether MFA is active is unknown`,
      );
    if (row.mfaActive) return undefined;
    problems.push(
      `has no MFA device active (groups ${viaGroups.map((x) => x.g.name).join(", ")} enforce MFA)`,
    );
  }
  return fail(
    policy,
    u.name,
    `user ${u.name}: full administrative rights from ${problems.join("; ")}; ${requirement}`,
  );
}

function reportRows(facts: AccountFacts): Fact<ReadonlyMap<string, ReportUser>> {
  if (!isAvailable(facts.users)) return facts.users;
  return { value: new Map(facts.users.value.filter((u) => !u.isRoot).map((u) => [u.user, u])) };
}

export const adminAccessRequiresMfa: Rule = (facts) =>
  withSnapshot(policy, facts, (s) => {
    const groups = groupAdmins(s);
    const rows = reportRows(facts);
    const users = s.users.flatMap((u) => userFinding(s, groups, u, rows) ?? []);
    const roles = s.roles.flatMap((r) => {
      const grants = adminGrants(s, r);
      const open = grants.length > 0 ? assumableWithoutMfa(r.trust) : [];
      if (open.length === 0) return [];
      return [
        fail(
          policy,
          r.name,
          `role ${r.name}: full administrative rights from ${grants.join(", ")}, and its trust policy lets ${open.join(", ")} assume it without MFA; ` +
            "a role with full administrative rights must require MFA to assume (aws:MultiFactorAuthPresent) or trust only AWS services, SAML or IAM Identity Center",
        ),
      ];
    });
    return [...users, ...roles];
  });
