/**
 * The weak and the good account of the permissions review, as fakeAws serves them: one subject
 * per weakness the issue names, and an account that holds none of them.
 */
import { UserSpec } from "./credentialReport";
import { FakeAccount } from "./fakeAwsIam";
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  allowAll,
  CLOUDSHELL_FULL_ACCESS,
  customerPolicy,
  goodPermissions,
  mfaAdminGroup,
  readOnly,
  trustAccount,
  trustService,
} from "./permissionSpec";

export const NOW = new Date("2026-11-20T12:00:00Z");

const person = (name: string, fields: Partial<UserSpec> = {}): UserSpec => ({
  name,
  createdAt: "2025-01-10T09:00:00+00:00",
  password: { lastUsed: "2026-11-19T09:00:00+00:00", lastChanged: "2026-10-01T09:00:00+00:00" },
  mfa: true,
  ...fields,
});

/** A compliant account without users or permissions: the contacts, a CIS password policy, root with MFA only. */
export const compliantBase: FakeAccount = {
  accountId: ACCOUNT,
  contacts: ["BILLING", "OPERATIONS", "SECURITY"],
  passwordPolicy: {
    MinimumPasswordLength: 14,
    PasswordReusePrevention: 24,
    MaxPasswordAge: 90,
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: true,
    RequireNumbers: true,
    RequireSymbols: true,
  },
  root: { mfa: true },
  summary: { AccountAccessKeysPresent: 0, AccountMFAEnabled: 1, AccountPasswordPresent: 1 },
  now: NOW,
};

export const weakAccount: FakeAccount = {
  ...compliantBase,
  users: [
    person("ops.bob"),
    person("carol.direct"),
    person("dave.inline"),
    person("erin.setup", {
      keys: [{ active: true, lastRotated: "2025-01-10T09:02:00+00:00" }],
    }),
    person("frank.nomfa", { mfa: false }),
    person("gina.shell"),
  ],
  permissions: {
    users: {
      "ops.bob": { groups: ["Ops"] },
      "carol.direct": { attached: [ADMINISTRATOR_ACCESS] },
      "dave.inline": { inline: { "read-bucket": readOnly() } },
      "frank.nomfa": { groups: ["Administrators"] },
      "gina.shell": { groups: ["Shell"] },
    },
    groups: {
      Ops: { attached: [ADMINISTRATOR_ACCESS] },
      Administrators: mfaAdminGroup,
      Shell: { attached: [CLOUDSHELL_FULL_ACCESS] },
    },
    roles: {
      deployer: { attached: [customerPolicy("everything")], trust: trustAccount(false, "999999999999") },
      "lambda-exec": {
        attached: [customerPolicy("everything")],
        trust: trustService("lambda.amazonaws.com"),
      },
    },
    policies: { everything: allowAll },
    serverCertificates: [
      { name: "old-www", expiration: "2025-06-30T00:00:00Z" },
      { name: "current-www", expiration: "2027-06-30T00:00:00Z" },
    ],
    analyzers: { "us-east-1": [{ name: "unused", type: "ACCOUNT_UNUSED_ACCESS", status: "ACTIVE" }] },
    organizationsFeatures: ["RootCredentialsManagement"],
  },
};

/** Every weak subject, by the policy that must name it. */
export const weakSubjects: readonly [string, string][] = [
  ["admin-access-requires-mfa", "ops.bob"],
  ["admin-access-requires-mfa", "carol.direct"],
  ["admin-access-requires-mfa", "frank.nomfa"],
  ["admin-access-requires-mfa", "deployer"],
  ["user-policies-via-groups-only", "carol.direct"],
  ["user-policies-via-groups-only", "dave.inline"],
  ["no-custom-full-admin-policies", "everything"],
  ["cloudshell-full-access-restricted", "Shell"],
  ["no-access-keys-at-setup", "erin.setup"],
  ["no-expired-server-certificates", "old-www"],
  ["support-role-exists", "<account>"],
  ["access-analyzer-enabled", "us-east-1"],
  ["centralized-root-access-enabled", "o-fake123"],
];

export const goodAccount: FakeAccount = {
  ...compliantBase,
  users: [
    person("alice"),
    person("ben.dev", {
      keys: [
        { active: true, lastRotated: "2026-10-01T09:00:00+00:00", lastUsed: "2026-11-19T09:00:00+00:00" },
      ],
    }),
  ],
  permissions: {
    ...goodPermissions,
    users: { alice: { groups: ["Administrators"] }, "ben.dev": { groups: ["Developers"] } },
    groups: { ...goodPermissions.groups, Developers: { attached: [customerPolicy("deploy-s3")] } },
    serverCertificates: [{ name: "current-www", expiration: "2027-06-30T00:00:00Z" }],
    organizationsFeatures: ["RootCredentialsManagement", "RootSessions"],
  },
};
