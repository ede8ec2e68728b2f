/**
 * The stack's aws provider settings that decide which account a stack deploys to: one program
 * serves a stack per account through `aws:assumeRoles` and `aws:allowedAccountIds`. A mismatch
 * between them would only surface as the provider's refusal mid-deployment; it is caught here.
 * @see https://www.pulumi.com/registry/packages/aws/api-docs/provider/
 */
import { Issues, join, objectOf } from "./checks";
import { accountIdList } from "./aws";

const roleKeys = [
  "roleArn",
  "sessionName",
  "externalId",
  "duration",
  "policy",
  "policyArns",
  "sourceIdentity",
  "tags",
  "transitiveTagKeys",
];
const roleArnPattern = /^arn:aws(-[a-z]+)*:iam::([0-9]{12}):role\/[\w+=,.@/-]{1,512}$/;

export interface ProviderAccount {
  /** The account the provider ends up in through its last assumed role, if it assumes one. */
  readonly roleAccountId?: string;
  readonly allowedAccountIds?: readonly string[];
}

/** The account of each role in the chain; the provider's credentials are the last role's. */
function checkAssumeRoles(issues: Issues, path: string, value: unknown): string[] | undefined {
  const shape = "a list of { roleArn, sessionName?, externalId?, ... }";
  if (!Array.isArray(value) || value.length === 0) return issues.mustBe(path, shape, value);
  const accounts: string[] = [];
  value.forEach((entry, i) => {
    const given = objectOf(
      issues,
      join(path, i),
      entry,
      roleKeys,
      "{ roleArn, sessionName?, externalId?, ... }",
    );
    if (given === undefined) return;
    const match = typeof given.roleArn === "string" ? roleArnPattern.exec(given.roleArn) : null;
    if (match === null) {
      issues.mustBe(
        join(join(path, i), "roleArn"),
        "an IAM role ARN like arn:aws:iam::123456789012:role/Name",
        given.roleArn,
      );
    } else {
      accounts.push(match[2]);
    }
  });
  return accounts.length === value.length ? accounts : undefined;
}

/**
 * Checks the `aws:*` keys that choose the account (others belong to the provider and are left
 * to it). `config` holds every config value as the CLI passes it, parsed from JSON.
 */
export function checkProviderConfig(
  issues: Issues,
  config: Readonly<Record<string, unknown>>,
): ProviderAccount {
  if (config["aws:assumeRole"] !== undefined) {
    issues.add(
      "aws:assumeRole is not read by pulumi-aws v7; use aws:assumeRoles: [{ roleArn, sessionName?, externalId? }]",
    );
  }
  const allowed =
    config["aws:allowedAccountIds"] === undefined
      ? undefined
      : accountIdList(issues, "aws:allowedAccountIds", config["aws:allowedAccountIds"]);
  const forbidden =
    config["aws:forbiddenAccountIds"] === undefined
      ? undefined
      : accountIdList(issues, "aws:forbiddenAccountIds", config["aws:forbiddenAccountIds"]);
  if (config["aws:allowedAccountIds"] !== undefined && config["aws:forbiddenAccountIds"] !== undefined) {
    issues.add("aws:allowedAccountIds and aws:forbiddenAccountIds exclude each other: give one");
  }
  const roles =
    config["aws:assumeRoles"] === undefined
      ? undefined
      : checkAssumeRoles(issues, "aws:assumeRoles", config["aws:assumeRoles"]);
  const roleAccountId = roles?.[roles.length - 1];
  if (roleAccountId !== undefined) {
    const at = `aws:assumeRoles[${roles!.length - 1}].roleArn`;
    if (allowed !== undefined && !allowed.includes(roleAccountId)) {
      issues.add(
        `${at} is a role in account ${roleAccountId}, which aws:allowedAccountIds (${allowed.join(", ")}) does not list: the provider would refuse to deploy; pin the role's account in aws:allowedAccountIds or assume a role in a listed account`,
      );
    }
    if (forbidden?.includes(roleAccountId)) {
      issues.add(`${at} is a role in account ${roleAccountId}, which aws:forbiddenAccountIds lists`);
    }
  }
  return {
    ...(roleAccountId === undefined ? {} : { roleAccountId }),
    ...(allowed === undefined ? {} : { allowedAccountIds: allowed }),
  };
}
