/**
 * Who holds full administrative rights (AdministratorAccess, or any policy allowing "*" on "*")
 * and through what, from the account's permissions snapshot: each user with its own grants and
 * the groups that give them, each role with its grants. Linear: each group's grants once.
 */
import { AccountFacts, Fact, isAvailable } from "../../../account/facts";
import { adminGrants } from "../../../account/permissions/grants";
import { AdminHolder } from "./types";

export function adminHolders(facts: AccountFacts): Fact<readonly AdminHolder[]> {
  const a = facts.authorization;
  if (!isAvailable(a)) return a;
  const s = a.value;
  const groups = new Map(s.groups.map((g) => [g.name, adminGrants(s, g)]));
  const users = s.users.flatMap((u): AdminHolder[] => {
    const through = [
      ...adminGrants(s, u),
      ...u.groups.flatMap((g) => {
        const grants = groups.get(g) ?? [];
        return grants.length > 0 ? [`group ${g} (${grants.join(", ")})`] : [];
      }),
    ];
    return through.length > 0 ? [{ kind: "user", name: u.name, through }] : [];
  });
  const roles = s.roles.flatMap((r): AdminHolder[] => {
    const through = adminGrants(s, r);
    return through.length > 0 ? [{ kind: "role", name: r.name, through }] : [];
  });
  return { value: [...users, ...roles] };
}
