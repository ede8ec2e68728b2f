// A consumer's Pulumi program, as a user writes it against the installed packages: copied into a
// fresh temporary project by ../packages.test.ts, which type-checks, compiles and runs it.
import * as aws from "@pulumi/aws";
import {
  AccountBaseline,
  AccountBaselineArgs,
  PasswordPolicy,
  ValidationError,
  passwordPolicyDefaults,
} from "aws-account-baseline";

const args: AccountBaselineArgs = {
  alternateContacts: {
    security: {
      name: "Security",
      title: "IR",
      emailAddress: "sec@example.com",
      phoneNumber: "+1 555 0100",
    },
  },
  adminAccess: {
    users: [
      { userName: "alice", pgpKey: "keybase:alice" },
      { userName: "bob", pgpKey: "keybase:bob" },
    ],
  },
};

const provider = new aws.Provider("member", { region: "us-east-1" });
const baseline = new AccountBaseline("prod", args, { provider });

export const adminGroupName = baseline.adminAccess?.groupName;
export const defaultMinimumLength: number = passwordPolicyDefaults.minimumLength;

/** What the installed ValidationError says about a weak policy (an instanceof check across the package). */
export function rejectWeakPolicy(): string {
  try {
    new PasswordPolicy("weak", { minimumLength: 5 });
  } catch (e) {
    if (e instanceof ValidationError) return e.message;
    throw e;
  }
  return "accepted";
}
