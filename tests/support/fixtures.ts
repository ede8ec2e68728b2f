/** Valid arguments to start each test from; a test changes one field. */
import type { AccountBaselineArgs, AlternateContactsArgs, ContactArgs } from "../../components";
import type { Invoke } from "../../tools/mockEngine";

export const contact = (who: string): ContactArgs => ({
  name: `${who} Team`,
  title: `${who} Lead`,
  emailAddress: `aws-${who.toLowerCase()}@example.com`,
  phoneNumber: "+1 (555) 010-0100",
});

export const contacts: AlternateContactsArgs = {
  billing: contact("Billing"),
  operations: contact("Operations"),
  security: contact("Security"),
};

export const baselineArgs: AccountBaselineArgs = {
  alternateContacts: contacts,
  adminAccess: { users: [{ userName: "alice" }, { userName: "bob", pgpKey: "keybase:bob" }] },
};

/** The AccountPasswordPolicy inputs PasswordPolicy sends at its defaults. */
export const defaultPasswordPolicyInputs = {
  minimumPasswordLength: 14,
  passwordReusePrevention: 24,
  maxPasswordAge: 90,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  requireNumbers: true,
  requireSymbols: true,
  allowUsersToChangePassword: true,
  hardExpiry: false,
};

/** The getCallerIdentity answer for 123456789012 (SupportRole without adminAccess asks for its account). */
export const callerIdentityInvokes: Record<string, Invoke> = {
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    id: "123456789012",
    accountId: "123456789012",
    arn: "arn:aws:iam::123456789012:user/deployer",
    userId: "AIDATEST",
  }),
};

/** A member account as getOrganization lists it; `state` (or the deprecated `status`) as given. */
export interface OrganizationAccountFixture {
  readonly id: string;
  readonly state?: string;
  readonly status?: string;
}

/**
 * Invoke answers for an organization: getOrganization (all accounts, or only the organization
 * when `returnOrganizationOnly`) and getCallerIdentity (the caller, default the management one).
 */
export function organizationInvokes(org: {
  readonly management: string;
  readonly members: readonly OrganizationAccountFixture[];
  readonly caller?: string;
}): Record<string, Invoke> {
  const listed = org.members.map((a) => ({
    arn: `arn:aws:organizations::${org.management}:account/o-test/${a.id}`,
    email: `${a.id}@example.com`,
    joinedMethod: "CREATED",
    joinedTimestamp: "2024-01-01T00:00:00Z",
    name: `account-${a.id}`,
    state: "",
    status: "",
    ...a,
  }));
  const caller = org.caller ?? org.management;
  return {
    "aws:organizations/getOrganization:getOrganization": (inputs) => ({
      id: "o-test",
      masterAccountId: org.management,
      nonMasterAccounts: inputs.returnOrganizationOnly === true ? [] : listed,
    }),
    "aws:index/getCallerIdentity:getCallerIdentity": () => ({
      id: caller,
      accountId: caller,
      arn: `arn:aws:iam::${caller}:user/deployer`,
      userId: "AIDATEST",
    }),
  };
}
