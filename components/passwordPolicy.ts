import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolvePasswordPolicyArgs } from "./validation/passwordPolicy";

/**
 * The account's IAM password policy. Every field is optional; the defaults meet CIS AWS
 * Foundations v5.0.0 1.7/1.8 (v3 1.8/1.9) and Security Hub IAM.7, IAM.11-17.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export interface PasswordPolicyArgs {
  /** Shortest password allowed, 6 to 128. @default 14 */
  readonly minimumLength?: number;
  /** How many previous passwords a user may not reuse, 1 to 24. @default 24 */
  readonly reusePrevention?: number;
  /** Days a password stays valid, 1 to 1095. @default 90 */
  readonly maxAgeDays?: number;
  /** Require at least one uppercase letter. @default true */
  readonly requireUppercase?: boolean;
  /** Require at least one lowercase letter. @default true */
  readonly requireLowercase?: boolean;
  /** Require at least one digit. @default true */
  readonly requireNumbers?: boolean;
  /** Require at least one non-alphanumeric character. @default true */
  readonly requireSymbols?: boolean;
  /** Let users change their own password. @default true */
  readonly allowUsersToChange?: boolean;
  /** Expired passwords can only be reset by an administrator. @default false */
  readonly hardExpiry?: boolean;
  /**
   * Keep the policy in AWS when it leaves the stack (`pulumi destroy`): deleting it would fall
   * back to AWS's weak default policy. Set `false` to delete it with the stack.
   * @default true
   */
  readonly retainOnDelete?: boolean;
}

/** One `aws.iam.AccountPasswordPolicy` with secure defaults. */
export class PasswordPolicy extends pulumi.ComponentResource {
  public readonly policy: aws.iam.AccountPasswordPolicy;

  constructor(name: string, args: PasswordPolicyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const { retainOnDelete, ...settings } = resolvePasswordPolicyArgs(args);
    super("aws-account-baseline:iam:PasswordPolicy", name, {}, opts);

    this.policy = new aws.iam.AccountPasswordPolicy(
      name,
      {
        minimumPasswordLength: settings.minimumLength,
        passwordReusePrevention: settings.reusePrevention,
        maxPasswordAge: settings.maxAgeDays,
        requireUppercaseCharacters: settings.requireUppercase,
        requireLowercaseCharacters: settings.requireLowercase,
        requireNumbers: settings.requireNumbers,
        requireSymbols: settings.requireSymbols,
        allowUsersToChangePassword: settings.allowUsersToChange,
        hardExpiry: settings.hardExpiry,
      },
      { parent: this, retainOnDelete },
    );
    this.registerOutputs({ policy: this.policy });
  }
}
