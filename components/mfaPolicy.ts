/**
 * The policy that forces MFA: while a request is not MFA-authenticated (`aws:MultiFactorAuthPresent`
 * false in a console session, absent with access keys, hence `BoolIfExists`), deny everything but
 * MFA self-service, and deny that self-service on any user or MFA device but the caller's own.
 * Attached inline to the administrators group beside AdministratorAccess (an Allow of everything),
 * the Denies alone must confine what a member can do before MFA: AWS's documented example exempts
 * self-service on every resource, which beside AdministratorAccess would let a member without MFA
 * enable an MFA device on a colleague. After MFA sign-in no statement applies.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html
 */
import { mfaSelfService, ownMfaArn, ownUserArn } from "aws-account-baseline-vocabulary";

/**
 * What a member may do before signing in with MFA, on their own user and MFA device only. One
 * list, in the vocabulary package that the components and the policy pack each import (neither
 * imports the other), so the document deployed and the document the pack recognises cannot drift
 * apart.
 */
export const mfaSelfServiceActions: readonly string[] = mfaSelfService.map((s) => s.action);

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action?: readonly string[];
  readonly NotAction?: readonly string[];
  readonly Resource?: string;
  readonly NotResource?: readonly string[];
  readonly Condition: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

const withoutMfa = { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } };

/** The force-MFA policy document (a fresh object each call). */
export function forceMfaPolicyDocument(): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyAllExceptSelfServiceIfNoMFA",
        Effect: "Deny",
        NotAction: [...mfaSelfServiceActions],
        Resource: "*",
        Condition: withoutMfa,
      },
      {
        Sid: "DenySelfServiceOnOthersIfNoMFA",
        Effect: "Deny",
        Action: mfaSelfService.filter((s) => s.scope !== "none").map((s) => s.action),
        NotResource: [ownUserArn, ownMfaArn],
        Condition: withoutMfa,
      },
    ],
  };
}
