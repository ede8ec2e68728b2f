/**
 * The permission half of an account's changes: roles and groups added and removed, users added
 * to or removed from groups, and admin rights gained or lost, one entry per route (a principal
 * that gains AdministratorAccess through a group and directly gains it twice). Names are compared
 * as IAM spells them; the permissions snapshot carries no creation times for roles and groups.
 */
import { AdminChange, Membership, PrincipalChange, PrincipalKind } from "./types";
import { SnapshotPermissions } from "./snapshot";

/** What is in `a` and not in `b`, by key, in `a`'s order. */
function minus<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const inB = new Set(b.map(key));
  return a.filter((x) => !inB.has(key(x)));
}

const names = (kind: PrincipalKind, list: readonly string[]): PrincipalChange[] =>
  list.map((name) => ({ kind, name }));
const memberships = (p: SnapshotPermissions): Membership[] =>
  p.groups.flatMap((g) => g.members.map((user) => ({ user, group: g.name })));
const routes = (p: SnapshotPermissions): AdminChange[] =>
  p.admins.flatMap((h) => h.through.map((via) => ({ kind: h.kind, name: h.name, via })));

const principalKey = (p: PrincipalChange) => `${p.kind}\0${p.name}`;
const membershipKey = (m: Membership) => `${m.user}\0${m.group}`;
const routeKey = (a: AdminChange) => `${a.kind}\0${a.name}\0${a.via}`;

export function permissionChanges(before: SnapshotPermissions, now: SnapshotPermissions) {
  const principals = (p: SnapshotPermissions) => [
    ...names("role", p.roles),
    ...names(
      "group",
      p.groups.map((g) => g.name),
    ),
  ];
  return {
    principals: {
      added: minus(principals(now), principals(before), principalKey),
      removed: minus(principals(before), principals(now), principalKey),
    },
    groupMemberships: {
      added: minus(memberships(now), memberships(before), membershipKey),
      removed: minus(memberships(before), memberships(now), membershipKey),
    },
    adminRights: {
      gained: minus(routes(now), routes(before), routeKey),
      lost: minus(routes(before), routes(now), routeKey),
    },
  };
}
