/**
 * login-profile-reset-required: an initial console password is temporary (reset at first sign-in)
 * and, when configured, encrypted with the user's PGP key instead of stored readable in the state.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { refString } from "./iamModel";
import { policyMeta } from "./meta";
import { awsTypes } from "./types";

export interface LoginProfileConfig {
  readonly requirePasswordReset: boolean;
  readonly requirePgpKey: boolean;
}

export const loginProfileResetRequired: ResourceValidationPolicy = {
  ...policyMeta(
    "login-profile-reset-required",
    "Initial console passwords must be reset at first sign-in and encrypted with the user's PGP key.",
    {
      enforcementLevel: "advisory",
      remediationSteps:
        "Set passwordResetRequired: true and a pgpKey (keybase:<name> or a base64 public key) on the " +
        "aws.iam.UserLoginProfile (the AdminAccess component's users take a pgpKey).",
      url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html",
    },
  ),
  configSchema: {
    properties: {
      requirePasswordReset: {
        type: "boolean",
        default: true,
        description: "Require passwordResetRequired: true.",
      },
      requirePgpKey: {
        type: "boolean",
        default: true,
        description: "Require a pgpKey, so the generated password is stored encrypted.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== awsTypes.userLoginProfile) return;
    const c = {
      requirePasswordReset: true,
      requirePgpKey: true,
      ...args.getConfig<Partial<LoginProfileConfig>>(),
    };
    const problems: string[] = [];
    if (c.requirePasswordReset && args.props.passwordResetRequired !== true) {
      problems.push(
        `passwordResetRequired is ${args.props.passwordResetRequired ?? "not set"}; it must be true`,
      );
    }
    const pgpKey = args.props.pgpKey;
    if (c.requirePgpKey && (typeof pgpKey !== "string" || pgpKey.trim() === "")) {
      problems.push("no pgpKey is set; the initial password must be encrypted with the user's PGP key");
    }
    if (problems.length > 0)
      reportViolation(
        `login profile for user "${refString(args.props.user) ?? "?"}": ${problems.join("; ")}`,
      );
  },
};
