import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { forceMfaPolicyDocument } from "./mfaPolicy";
import { resolveAdminAccessArgs } from "./validation/adminAccess";

/** The AWS managed policy that grants full access. */
export const administratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess";

/** One administrator: an IAM user with a console password and no access keys. */
export interface AdminUserArgs {
  /** The IAM user name: 1 to 64 of letters, digits and + = , . @ _ - (unique ignoring case). */
  readonly userName: string;
  /**
   * A base64-encoded PGP public key, or `keybase:<username>`, to encrypt the generated initial
   * password with. Without it the password is readable only as a Pulumi secret.
   */
  readonly pgpKey?: pulumi.Input<string>;
}

/**
 * An administrators group with AdministratorAccess that is usable only after MFA sign-in, and
 * the named admin users in it, so nobody needs the root user day to day (CIS 1.6, v3 1.7).
 */
export interface AdminAccessArgs {
  /** The IAM group's name: 1 to 128 of letters, digits and + = , . @ _ -. @default "Administrators" */
  readonly groupName?: string;
  /** The administrators, at least one. Each must reset the generated password at first sign-in. */
  readonly users: readonly AdminUserArgs[];
  /** Length of the generated initial passwords, 6 to 128. @default 20 */
  readonly passwordLength?: number;
}

/** The generated first password of a user: PGP-encrypted when a key was given, else plain (a secret). */
export type InitialPassword = { encryptedPassword: string; keyFingerprint: string } | { password: string };

/**
 * An `aws.iam.Group` with AdministratorAccess and the force-MFA policy; per user an
 * `aws.iam.User`, its `aws.iam.UserGroupMembership` and an `aws.iam.UserLoginProfile` that
 * requires a new password at first sign-in. No access keys and no policy on any user.
 */
export class AdminAccess extends pulumi.ComponentResource {
  public readonly group: aws.iam.Group;
  public readonly groupName: pulumi.Output<string>;
  public readonly groupArn: pulumi.Output<string>;
  /** The users, by user name. */
  public readonly users: Readonly<Record<string, aws.iam.User>>;
  /** The login profiles, by user name. */
  public readonly loginProfiles: Readonly<Record<string, aws.iam.UserLoginProfile>>;
  public readonly userNames: pulumi.Output<string[]>;
  /** Each user's initial password, by user name; the whole map is a secret. */
  public readonly initialPasswords: pulumi.Output<Record<string, InitialPassword>>;

  constructor(name: string, args: AdminAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    const { groupName, users, passwordLength } = resolveAdminAccessArgs(args);
    super("aws-account-baseline:iam:AdminAccess", name, {}, opts);

    this.group = new aws.iam.Group(`${name}-group`, { name: groupName }, { parent: this });
    new aws.iam.GroupPolicyAttachment(
      `${name}-administrator-access`,
      { group: this.group.name, policyArn: administratorAccessArn },
      { parent: this },
    );
    new aws.iam.GroupPolicy(
      `${name}-force-mfa`,
      { group: this.group.name, name: "ForceMFA", policy: JSON.stringify(forceMfaPolicyDocument()) },
      { parent: this },
    );

    const created: Record<string, aws.iam.User> = {};
    const profiles: Record<string, aws.iam.UserLoginProfile> = {};
    const passwords: Record<string, pulumi.Output<InitialPassword>> = {};
    for (const { userName, pgpKey } of users) {
      // forceDestroy: removing someone from `users` must remove them, including the MFA device
      // they registered themselves, which would otherwise block the deletion.
      const user = new aws.iam.User(
        `${name}-${userName}`,
        { name: userName, forceDestroy: true },
        { parent: this },
      );
      new aws.iam.UserGroupMembership(
        `${name}-${userName}-membership`,
        { user: user.name, groups: [this.group.name] },
        { parent: this },
      );
      const profile = new aws.iam.UserLoginProfile(
        `${name}-${userName}-login`,
        {
          user: user.name,
          passwordResetRequired: true,
          passwordLength,
          ...(pgpKey === undefined ? {} : { pgpKey }),
        },
        { parent: this, additionalSecretOutputs: ["password"] },
      );
      created[userName] = user;
      profiles[userName] = profile;
      passwords[userName] =
        pgpKey === undefined
          ? profile.password.apply((password): InitialPassword => ({ password }))
          : pulumi
              .all([profile.encryptedPassword, profile.keyFingerprint])
              .apply(([encryptedPassword, keyFingerprint]): InitialPassword => ({
                encryptedPassword,
                keyFingerprint,
              }));
    }

    this.users = created;
    this.loginProfiles = profiles;
    this.groupName = this.group.name;
    this.groupArn = this.group.arn;
    this.userNames = pulumi.all(Object.values(created).map((u) => u.name));
    this.initialPasswords = pulumi.secret(pulumi.all(passwords));
    this.registerOutputs({
      groupName: this.groupName,
      groupArn: this.groupArn,
      userNames: this.userNames,
      initialPasswords: this.initialPasswords,
    });
  }
}
