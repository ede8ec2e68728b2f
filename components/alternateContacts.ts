import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ContactType, resolveAlternateContactsArgs } from "./validation/alternateContacts";

/**
 * One alternate contact. AWS writes to it about billing, operations or security events.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html
 */
export interface ContactArgs {
  /** The person's or team's name, 1 to 64 characters. */
  readonly name: string;
  /** Their title or role, 1 to 50 characters. */
  readonly title: string;
  /** An e-mail address, at most 254 characters; a team list survives staff changes. */
  readonly emailAddress: string;
  /** A phone number, at most 25 of digits, spaces and ( ) + -. */
  readonly phoneNumber: string;
}

/**
 * The account's billing, operations and security contacts (CIS 1.2, Security Hub Account.1).
 * `security` must be given: a contact, or `false` to leave it out deliberately. `billing` and
 * `operations` may be omitted (or `false`); omitted ones are not managed.
 */
export interface AlternateContactsArgs {
  /** Who hears about invoices and payment. Omitted or `false`: not managed. */
  readonly billing?: ContactArgs | false;
  /** Who hears about service events and maintenance. Omitted or `false`: not managed. */
  readonly operations?: ContactArgs | false;
  /** Who hears about security incidents and abuse reports; `false` skips it deliberately. */
  readonly security: ContactArgs | false;
  /**
   * An Organizations member account (12 digits) to set the contacts on, from the management or
   * a delegated-administrator account. Omit for the account of the stack's credentials.
   */
  readonly accountId?: pulumi.Input<string>;
  /**
   * Keep the contacts in AWS when they leave the stack (`pulumi destroy`): deleting them would
   * leave AWS nobody to warn. Set `false` to delete them with the stack.
   * @default true
   */
  readonly retainOnDelete?: boolean;
}

/** One `aws.account.AlternativeContact` per contact given. */
export class AlternateContacts extends pulumi.ComponentResource {
  /** The contacts created, by type. */
  public readonly contacts: Readonly<Partial<Record<ContactType, aws.account.AlternativeContact>>>;

  constructor(name: string, args: AlternateContactsArgs, opts?: pulumi.ComponentResourceOptions) {
    const { contacts, accountId, retainOnDelete } = resolveAlternateContactsArgs(args);
    super("aws-account-baseline:account:AlternateContacts", name, {}, opts);

    const created: Partial<Record<ContactType, aws.account.AlternativeContact>> = {};
    for (const { type, contact } of contacts) {
      created[type] = new aws.account.AlternativeContact(
        `${name}-${type}`,
        {
          alternateContactType: type.toUpperCase(),
          name: contact.name,
          title: contact.title,
          emailAddress: contact.emailAddress,
          phoneNumber: contact.phoneNumber,
          ...(accountId === undefined ? {} : { accountId }),
        },
        { parent: this, retainOnDelete },
      );
    }
    this.contacts = created;
    this.registerOutputs({ contacts: this.contacts });
  }
}
