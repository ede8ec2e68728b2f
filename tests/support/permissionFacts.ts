/**
 * Permission facts for rule tests, built from a PermissionsSpec with the production document
 * parser (each document URL-encoded first, as IAM returns it).
 */
import { policyStatements, trustStatements } from "../../policy-pack/account/permissions/documents";
import {
  AuthorizationSnapshot,
  ManagedPolicy,
  PermissionFacts,
} from "../../policy-pack/account/permissions/snapshot";
import { specAccount, SpecPrincipal } from "./permissionAccount";
import { ACCOUNT, encodeDocument, goodPermissions, nameOfArn, PermissionsSpec } from "./permissionSpec";

function principal(p: SpecPrincipal) {
  return {
    name: p.name,
    arn: p.arn,
    attached: (p.attached ?? []).map((arn) => ({ name: nameOfArn(arn), arn })),
    inline: Object.entries(p.inline ?? {}).map(([name, doc]) => ({
      name,
      statements: policyStatements(encodeDocument(doc), name),
    })),
  };
}

export function snapshotOf(spec: PermissionsSpec): AuthorizationSnapshot {
  const a = specAccount(spec, ACCOUNT);
  const policies = new Map<string, ManagedPolicy>(
    a.policies.map(({ document, ...p }) => [
      p.arn,
      { ...p, statements: policyStatements(encodeDocument(document), p.arn) },
    ]),
  );
  return {
    users: a.users.map((u) => ({ ...principal(u), groups: u.groups })),
    groups: a.groups.map(principal),
    roles: a.roles.map((r) => ({
      ...principal(r),
      path: r.path,
      trust: trustStatements(encodeDocument(r.trust), r.name),
    })),
    policies,
  };
}

/** The permission facts of `spec` (default: the good account), every read available. */
export function permissionFacts(spec: PermissionsSpec = goodPermissions): PermissionFacts {
  const f = spec.organizationsFeatures ?? "not-management";
  return {
    authorization: { value: snapshotOf(spec) },
    serverCertificates: {
      value: (spec.serverCertificates ?? []).map((c) => ({
        name: c.name,
        arn: `arn:aws:iam::${ACCOUNT}:server-certificate/${c.name}`,
        expiration: new Date(c.expiration),
      })),
    },
    analyzers: Object.fromEntries(Object.entries(spec.analyzers ?? {}).map(([r, a]) => [r, { value: a }])),
    organizationsFeatures: {
      value: Array.isArray(f)
        ? { applies: true, organizationId: "o-example", enabled: f }
        : f === "no-trusted-access"
          ? {
              applies: true,
              organizationId: null,
              enabled: [],
              note: "trusted access for IAM is not enabled",
            }
          : { applies: false, why: String(f) },
    },
  };
}
