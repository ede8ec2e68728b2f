import * as pulumi from "@pulumi/pulumi";
import { AlternateContacts, AlternateContactsArgs } from "./alternateContacts";
import { resolveOrganizationContactsArgs } from "./validation/organization";

/** The contacts every member account gets: AlternateContactsArgs' contact types. */
export type MemberContactsArgs = Pick<AlternateContactsArgs, "billing" | "operations" | "security">;

/**
 * The same alternate contacts on many Organizations member accounts, set from the management
 * account or a delegated administrator for AWS Account Management.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/using-orgs-delegated-admin.html
 */
export interface OrganizationContactsArgs {
  /** The member accounts, 12-digit ids, each once; [] manages none. */
  readonly accountIds: readonly string[];
  /** The contacts each account gets: `{ billing?, operations?, security }` as for AlternateContacts. */
  readonly contacts: MemberContactsArgs;
  /**
   * The organization's management account. Listing it in `accountIds` is then an error: AWS
   * rejects the management account's own id, its contacts are set by AlternateContacts without one.
   */
  readonly managementAccountId?: string;
  /**
   * Keep the contacts in AWS when they leave the stack (`pulumi destroy`).
   * @default true
   */
  readonly retainOnDelete?: boolean;
}

/** One AlternateContacts, with `accountId`, per member account, named `${name}-${accountId}`. */
export class OrganizationContacts extends pulumi.ComponentResource {
  /** The member account ids whose contacts are managed, in the order given. */
  public readonly accountIds: readonly string[];
  /** The contacts of each member account, by account id. */
  public readonly accounts: Readonly<Record<string, AlternateContacts>>;

  constructor(name: string, args: OrganizationContactsArgs, opts?: pulumi.ComponentResourceOptions) {
    // Every id is checked before the first account's contacts exist, so a bad id never half-applies.
    const { accountIds, contacts, retainOnDelete } = resolveOrganizationContactsArgs(args);
    super("aws-account-baseline:account:OrganizationContacts", name, {}, opts);

    const accounts: Record<string, AlternateContacts> = {};
    for (const accountId of accountIds) {
      accounts[accountId] = new AlternateContacts(
        `${name}-${accountId}`,
        { ...contacts, accountId, retainOnDelete },
        { parent: this },
      );
    }
    this.accountIds = accountIds;
    this.accounts = accounts;
    this.registerOutputs({ accountIds: this.accountIds, accounts: this.accounts });
  }
}
