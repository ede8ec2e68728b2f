/**
 * The policy that forces MFA, as AWS documents it: deny every action except the few a user needs
 * to sign in for the first time, set their password and register their own MFA device, while the
 * request is not MFA-authenticated. Attached inline to the administrators group, it makes the
 * group's AdministratorAccess usable only after MFA sign-in. The policy pack recognises "a group
 * that enforces MFA" by this Deny, so its tests build it with this same function.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html
 */
import { mfaSelfServiceActions } from "../policy-pack/resources/mfaSelfService";

/**
 * What a user may do before signing in with MFA: manage their own MFA device and password. One
 * list, kept in the policy pack (which ships on its own and imports nothing from here), so the
 * document deployed and the document the pack recognises cannot drift apart.
 */
export { mfaSelfServiceActions };

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly NotAction: readonly string[];
  readonly Resource: string;
  readonly Condition: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

/** The force-MFA policy document (a fresh object each call). */
export function forceMfaPolicyDocument(): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyAllExceptListedIfNoMFA",
        Effect: "Deny",
        NotAction: [...mfaSelfServiceActions],
        Resource: "*",
        Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
      },
    ],
  };
}
