/** The `snapshot` of a previous audit's JSON (./snapshot.ts), checked field by field. */
import type { AdminHolder } from "../../account/permissions/adminHolders";
import { Json, Obj, Reader } from "./reader";
import { Snapshot, SnapshotKey, SnapshotPermissions, SnapshotUser } from "./snapshot";

function key(r: Reader, v: Json, path: string): SnapshotKey {
  const o = r.obj(v, path);
  if (o.slot !== 1 && o.slot !== 2) r.fail(`${path}.slot`, "1 or 2", o.slot);
  return {
    slot: o.slot,
    createdAt: r.timeOrNull(o.createdAt, `${path}.createdAt`),
    active: r.bool(o.active, `${path}.active`),
  };
}

function password(r: Reader, v: Json, path: string): SnapshotUser["password"] {
  if (v === false || v === null) return v;
  const o = r.obj(v, path);
  return { lastChanged: r.timeOrNull(o.lastChanged, `${path}.lastChanged`) };
}

function user(r: Reader, v: Json, path: string): SnapshotUser {
  const o = r.obj(v, path);
  return {
    name: r.str(o.name, `${path}.name`),
    createdAt: r.timeOrNull(o.createdAt, `${path}.createdAt`),
    password: password(r, o.password, `${path}.password`),
    mfa: r.bool(o.mfa, `${path}.mfa`),
    accessKeys: r
      .arr(o.accessKeys, `${path}.accessKeys`)
      .map((k, i) => key(r, k, `${path}.accessKeys[${i}]`)),
  };
}

const strings = (r: Reader, v: Json, path: string): string[] =>
  r.arr(v, path).map((x, i) => r.str(x, `${path}[${i}]`));

function admin(r: Reader, v: Json, path: string): AdminHolder {
  const o = r.obj(v, path);
  const kind = r.str(o.kind, `${path}.kind`);
  if (kind !== "user" && kind !== "group" && kind !== "role")
    r.fail(`${path}.kind`, '"user", "group" or "role"', kind);
  return { kind, name: r.str(o.name, `${path}.name`), through: strings(r, o.through, `${path}.through`) };
}

function permissions(r: Reader, v: Json, path: string): SnapshotPermissions {
  const o = r.obj(v, path);
  return {
    roles: strings(r, o.roles, `${path}.roles`),
    groups: r.arr(o.groups, `${path}.groups`).map((g, i) => {
      const go = r.obj(g, `${path}.groups[${i}]`);
      return {
        name: r.str(go.name, `${path}.groups[${i}].name`),
        members: strings(r, go.members, `${path}.groups[${i}].members`),
      };
    }),
    admins: r.arr(o.admins, `${path}.admins`).map((a, i) => admin(r, a, `${path}.admins[${i}]`)),
  };
}

/** A part of the snapshot, or null with the reason it could not be read then. */
function part<T>(
  r: Reader,
  o: Obj,
  key: string,
  path: string,
  read: (r: Reader, v: Json, path: string) => T,
) {
  const why = `${key}Unavailable`;
  return o[key] === null
    ? { value: null, unavailable: r.str(o[why], `${path}.${why}`) }
    : { value: read(r, o[key], `${path}.${key}`) };
}

export function snapshot(r: Reader, v: Json, path: string): Snapshot {
  const o = r.obj(v, path);
  const users = part(r, o, "users", path, (r, v, p) => r.arr(v, p).map((u, i) => user(r, u, `${p}[${i}]`)));
  const perms = part(r, o, "permissions", path, permissions);
  return {
    users: users.value,
    ...(users.unavailable !== undefined ? { usersUnavailable: users.unavailable } : {}),
    permissions: perms.value,
    ...(perms.unavailable !== undefined ? { permissionsUnavailable: perms.unavailable } : {}),
  };
}
