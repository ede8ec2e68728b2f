/**
 * The organization `runProgram` (and so `npm run check`) answers the program's invokes with, so a
 * management stack's config runs offline, deterministically:
 *
 * - the stack's account (`aws:getCallerIdentity`) is the account of the last `aws:assumeRoles`
 *   role, else the first of `aws:allowedAccountIds`, else 123456789012; it is also the
 *   organization's management account;
 * - the ACTIVE member accounts are 111111111111, 222222222222 and 333333333333, plus every id the
 *   config's `organization.memberAccounts` and `organization.excludeAccounts` list; 444444444444
 *   is SUSPENDED (so "all" shows that suspended accounts are skipped); none is the management one.
 */
import type { Invoke } from "./mockEngine";
import { checkProviderConfig } from "../components/validation/providerConfig";
import { Issues } from "../components/validation/checks";
import { parseValue } from "../components/config";

export const simulatedMemberAccountIds = ["111111111111", "222222222222", "333333333333"] as const;
export const simulatedSuspendedAccountId = "444444444444";
export const simulatedDefaultAccountId = "123456789012";
export const getOrganizationToken = "aws:organizations/getOrganization:getOrganization";
export const getCallerIdentityToken = "aws:index/getCallerIdentity:getCallerIdentity";

/** The ids a (possibly invalid: the program reports that) organization setting lists. */
function listedIds(organization: unknown): string[] {
  if (typeof organization !== "object" || organization === null) return [];
  const { memberAccounts, excludeAccounts } = organization as Record<string, unknown>;
  return [memberAccounts, excludeAccounts]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .filter((id): id is string => typeof id === "string" && /^[0-9]{12}$/.test(id));
}

function account(id: string, state: string): Record<string, string> {
  return {
    id,
    arn: `arn:aws:organizations::${simulatedDefaultAccountId}:account/o-example0001/${id}`,
    email: `aws+${id}@example.com`,
    name: `Account ${id}`,
    joinedMethod: "CREATED",
    joinedTimestamp: "2024-01-01T00:00:00Z",
    state,
    status: state,
  };
}

/** The invoke answers for a stack whose config (as the CLI passes it, `key -> text`) is `config`. */
export function simulatedOrganizationInvokes(
  config: Readonly<Record<string, string>>,
): Record<string, Invoke> {
  const values = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, parseValue(v)]));
  const provider = checkProviderConfig(new Issues(), values);
  const self = provider.roleAccountId ?? provider.allowedAccountIds?.[0] ?? simulatedDefaultAccountId;
  const active = [
    ...new Set([...simulatedMemberAccountIds, ...listedIds(values["aws-account-baseline:organization"])]),
  ]
    .filter((id) => id !== self)
    .sort();
  const members = [
    ...active.map((id) => account(id, "ACTIVE")),
    ...(self === simulatedSuspendedAccountId ? [] : [account(simulatedSuspendedAccountId, "SUSPENDED")]),
  ];
  return {
    [getOrganizationToken]: (inputs) => {
      const only = inputs.returnOrganizationOnly === true;
      return {
        id: "o-example0001",
        arn: `arn:aws:organizations::${self}:organization/o-example0001`,
        featureSet: "ALL",
        masterAccountId: self,
        masterAccountArn: `arn:aws:organizations::${self}:account/o-example0001/${self}`,
        masterAccountEmail: `aws+${self}@example.com`,
        masterAccountName: "Management",
        accounts: only ? [] : [account(self, "ACTIVE"), ...members],
        nonMasterAccounts: only ? [] : members,
        awsServiceAccessPrincipals: only ? [] : ["iam.amazonaws.com", "account.amazonaws.com"],
        enabledPolicyTypes: [],
        roots: [],
        ...(inputs.returnOrganizationOnly === undefined ? {} : { returnOrganizationOnly: only }),
      };
    },
    [getCallerIdentityToken]: () => ({
      id: self,
      accountId: self,
      arn: `arn:aws:sts::${self}:assumed-role/check/aws-account-baseline`,
      userId: "AROAEXAMPLE:aws-account-baseline",
    }),
  };
}
