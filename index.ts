/**
 * The aws-account-baseline program: the stack config (see Pulumi.example.yaml and
 * examples/stacks/), validated in full before anything is registered, becomes one
 * AccountBaseline for the stack's account and, on a management stack, the organization's
 * member-account contacts and centralized root access. One program, a stack per account: the
 * account is chosen by the stack's `aws:assumeRoles` and pinned by `aws:allowedAccountIds`.
 */
import { AccountBaseline, CentralizedRootAccess, OrganizationContacts } from "./components/index";
import { organizationOutputs, readProgramConfig, stackOutputs } from "./components/config";
import { memberTargets, readOrganizationFacts } from "./components/organizationTargets";

export = async () => {
  const { baseline: args, organization } = readProgramConfig();
  // The organization is read (and the config checked against it) before any resource exists.
  const targets =
    organization?.memberAccounts === undefined
      ? undefined
      : memberTargets(organization, await readOrganizationFacts(organization));

  const baseline = new AccountBaseline("baseline", args);
  const contacts =
    targets === undefined || organization?.alternateContacts === undefined
      ? undefined
      : new OrganizationContacts("organization-contacts", {
          accountIds: targets.memberAccountIds,
          contacts: organization.alternateContacts,
          managementAccountId: targets.managementAccountId,
          ...(args.retainOnDelete === undefined ? {} : { retainOnDelete: args.retainOnDelete }),
        });
  const rootAccess = organization?.centralizedRootAccess
    ? new CentralizedRootAccess("centralized-root-access", {
        ...(args.retainOnDelete === undefined ? {} : { retainOnDelete: args.retainOnDelete }),
      })
    : undefined;

  return {
    ...stackOutputs(baseline),
    ...organizationOutputs(contacts, targets?.managementAccountId, rootAccess),
  };
};
