/**
 * Who holds full administrative rights (AdministratorAccess, or any policy allowing "*" on "*")
 * and through what, from the account's permissions snapshot: each user with its own grants and
 * the groups that give them, each role with its grants. Linear: each group's grants once. The
 * HTML report's "who holds admin rights" and the audit JSON's snapshot (what `--compare` diffs)
 * both come from here, so they always agree.
 */
import { Fact, isAvailable } from "../facts";
import { adminGrants } from "./grants";
import { AuthorizationSnapshot } from "./snapshot";

/** A principal with full administrative rights and each way it gets them. */
export interface AdminHolder {
  readonly kind: "user" | "group" | "role";
  readonly name: string;
  /** "policy AdministratorAccess", "group Administrators (policy AdministratorAccess)", "inline policy ops-all". */
  readonly through: readonly string[];
}

/** The admin holders of a snapshot that was read; not evaluated (with the reason) when it was not. */
export function adminHolders(a: Fact<AuthorizationSnapshot>): Fact<readonly AdminHolder[]> {
  return isAvailable(a) ? { value: adminHoldersOf(a.value) } : a;
}

export function adminHoldersOf(s: AuthorizationSnapshot): AdminHolder[] {
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
  return [...users, ...roles];
}
