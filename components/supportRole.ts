import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolveSupportRoleArgs } from "./validation/permissions";

/**
 * A role for managing incidents with AWS Support (CIS v5 1.16, Security Hub IAM.18): AWSSupportAccess
 * attached, assumable from this account only with MFA, and, when `assumableByGroup` is given,
 * an inline policy letting that group (the administrators) assume it, again only with MFA.
 * @see https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html
 */
export interface SupportRoleArgs {
  /**
   * The role's name.
   * @default "AWSSupport"
   */
  readonly roleName?: string;
  /** The account whose principals may assume the role; omitted: the provider's account (sts:GetCallerIdentity). */
  readonly accountId?: pulumi.Input<string>;
  /** The group (by name) allowed to assume the role with MFA; omitted: no group policy is added. */
  readonly assumableByGroup?: pulumi.Input<string>;
}

export const awsSupportAccessArn = "arn:aws:iam::aws:policy/AWSSupportAccess";
const mfa = { Bool: { "aws:MultiFactorAuthPresent": "true" } };

export class SupportRole extends pulumi.ComponentResource {
  public readonly role: aws.iam.Role;
  public readonly roleArn: pulumi.Output<string>;

  constructor(name: string, args: SupportRoleArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const { roleName } = resolveSupportRoleArgs(args);
    super("aws-account-baseline:iam:SupportRole", name, {}, opts);
    const child = { parent: this };
    const accountId = args.accountId ?? aws.getCallerIdentityOutput({}, child).accountId;
    this.role = new aws.iam.Role(
      `${name}-role`,
      {
        name: roleName,
        description: "AWS Support cases (CIS 1.16); assumable only with MFA",
        assumeRolePolicy: pulumi.jsonStringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: pulumi.interpolate`arn:aws:iam::${accountId}:root` },
              Action: "sts:AssumeRole",
              Condition: mfa,
            },
          ],
        }),
      },
      child,
    );
    new aws.iam.RolePolicyAttachment(
      `${name}-support-access`,
      { role: this.role.name, policyArn: awsSupportAccessArn },
      child,
    );
    if (args.assumableByGroup !== undefined) {
      new aws.iam.GroupPolicy(
        `${name}-assume`,
        {
          group: args.assumableByGroup,
          name: `assume-${roleName}`,
          policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Action: "sts:AssumeRole", Resource: this.role.arn, Condition: mfa },
            ],
          }),
        },
        child,
      );
    }
    this.roleArn = this.role.arn;
    this.registerOutputs({ role: this.role, roleArn: this.roleArn });
  }
}
