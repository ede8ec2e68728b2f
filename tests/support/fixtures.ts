/** Valid arguments to start each test from; a test changes one field. */
import type { AccountBaselineArgs, AlternateContactsArgs, ContactArgs } from "../../components";

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
