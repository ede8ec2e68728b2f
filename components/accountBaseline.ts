import * as pulumi from "@pulumi/pulumi";
import { AccessAnalyzer, AccessAnalyzerArgs } from "./accessAnalyzer";
import { AdminAccess, AdminAccessArgs } from "./adminAccess";
import { AlternateContacts, AlternateContactsArgs } from "./alternateContacts";
import { PasswordPolicy, PasswordPolicyArgs } from "./passwordPolicy";
import { SupportRole, SupportRoleArgs } from "./supportRole";
import { resolveAccountBaselineArgs } from "./validation/accountBaseline";

/**
 * The whole identity baseline of one account. Leaving out a part that protects the account (the
 * password policy, the contacts) takes an explicit `false`, so it is a visible choice.
 */
export interface AccountBaselineArgs {
  /** The password policy's settings; omitted: the secure defaults; `false`: not managed. */
  readonly passwordPolicy?: PasswordPolicyArgs | false;
  /** The alternate contacts (required key); `false`: not managed. */
  readonly alternateContacts: AlternateContactsArgs | false;
  /** The MFA-enforced administrators group and its users; omitted: not managed. */
  readonly adminAccess?: AdminAccessArgs;
  /**
   * A role with AWSSupportAccess (CIS 1.16), assumable only with MFA, by the administrators group
   * when `adminAccess` is managed; omitted: the defaults; `false`: not managed.
   */
  readonly supportRole?: SupportRoleArgs | false;
  /** External access analyzers (CIS 1.19); omitted: one in the provider's region; `false`: not managed. */
  readonly accessAnalyzer?: AccessAnalyzerArgs | false;
  /**
   * The password policy's and contacts' `retainOnDelete`, unless they set their own.
   * @default true
   */
  readonly retainOnDelete?: boolean;
}

/** Composes PasswordPolicy, AlternateContacts, AdminAccess, SupportRole and AccessAnalyzer; all input is checked first. */
export class AccountBaseline extends pulumi.ComponentResource {
  public readonly passwordPolicy?: PasswordPolicy;
  public readonly alternateContacts?: AlternateContacts;
  public readonly adminAccess?: AdminAccess;
  public readonly supportRole?: SupportRole;
  public readonly accessAnalyzer?: AccessAnalyzer;

  constructor(name: string, args: AccountBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    // Every part is validated before the first resource, so bad input never half-applies.
    const parts = resolveAccountBaselineArgs(args);
    super("aws-account-baseline:index:AccountBaseline", name, {}, opts);

    const child = { parent: this };
    if (parts.passwordPolicy) {
      this.passwordPolicy = new PasswordPolicy(`${name}-password-policy`, parts.passwordPolicy, child);
    }
    if (parts.alternateContacts) {
      this.alternateContacts = new AlternateContacts(`${name}-contacts`, parts.alternateContacts, child);
    }
    if (parts.adminAccess) {
      this.adminAccess = new AdminAccess(`${name}-admins`, parts.adminAccess, child);
    }
    if (parts.supportRole) {
      const admins = this.adminAccess?.group;
      const fromAdmins = admins
        ? { accountId: admins.arn.apply((arn) => arn?.split(":")[4] ?? ""), assumableByGroup: admins.name }
        : {};
      this.supportRole = new SupportRole(`${name}-support`, { ...fromAdmins, ...parts.supportRole }, child);
    }
    if (parts.accessAnalyzer) {
      this.accessAnalyzer = new AccessAnalyzer(`${name}-access-analyzer`, parts.accessAnalyzer, child);
    }
    this.registerOutputs({
      passwordPolicy: this.passwordPolicy,
      alternateContacts: this.alternateContacts,
      adminAccess: this.adminAccess,
      supportRole: this.supportRole,
      accessAnalyzer: this.accessAnalyzer,
    });
  }
}
