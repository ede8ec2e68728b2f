/**
 * Permission facts for rule tests, built from a PermissionsSpec with the production document
 * parser (each document URL-encoded first, as IAM returns it).
 */
import { policyStatements, trustStatements } from "../../policy-pack/account/permissions/documents";
import {
  AttachedPolicy,
  AuthorizationSnapshot,
  ManagedPolicy,
  PermissionFacts,
} from "../../policy-pack/account/permissions/snapshot";
import {
  awsManagedDocuments,
  customerPolicy,
  encodeDocument,
  goodPermissions,
  nameOfArn,
  PermissionsSpec,
  PrincipalSpec,
} from "./permissionSpec";

const encode = encodeDocument;
const nameOf = nameOfArn;

function policiesOf(p: PrincipalSpec) {
  return {
    attached: (p.attached ?? []).map((arn): AttachedPolicy => ({ name: nameOf(arn), arn })),
    inline: Object.entries(p.inline ?? {}).map(([name, doc]) => ({
      name,
      statements: policyStatements(encode(doc), name),
    })),
  };
}

export function snapshotOf(spec: PermissionsSpec): AuthorizationSnapshot {
  const policies = new Map<string, ManagedPolicy>();
  for (const [name, doc] of Object.entries(spec.policies ?? {})) {
    const arn = customerPolicy(name);
    policies.set(arn, {
      name,
      arn,
      awsManaged: false,
      attachmentCount: 0,
      statements: policyStatements(encode(doc), name),
    });
  }
  for (const [arn, doc] of Object.entries(awsManagedDocuments)) {
    policies.set(arn, {
      name: nameOf(arn),
      arn,
      awsManaged: true,
      attachmentCount: 1,
      statements: policyStatements(encode(doc), arn),
    });
  }
  return {
    users: Object.entries(spec.users ?? {}).map(([name, u]) => ({
      name,
      arn: `arn:aws:iam::123456789012:user/${name}`,
      groups: u.groups ?? [],
      ...policiesOf(u),
    })),
    groups: Object.entries(spec.groups ?? {}).map(([name, g]) => ({
      name,
      arn: `arn:aws:iam::123456789012:group/${name}`,
      ...policiesOf(g),
    })),
    roles: Object.entries(spec.roles ?? {}).map(([name, r]) => ({
      name,
      arn: `arn:aws:iam::123456789012:role/${name}`,
      path: r.path ?? "/",
      trust: trustStatements(encode(r.trust), name),
      ...policiesOf(r),
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
        arn: `arn:aws:iam::123456789012:server-certificate/${c.name}`,
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
