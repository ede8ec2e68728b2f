/**
 * What changed between a previous audit (its `--format json` output, given with `--compare`) and
 * this one. The JSON's `changes` object is exactly these types; every format (table, Markdown,
 * HTML, SARIF) renders them. Data only: computing them is ./diff.ts's job.
 *
 * Nothing here is guessed: a part that could not be read in either audit (the credential report,
 * the permissions snapshot) is listed in `notCompared` with the reason, and nothing is said
 * about it (an unreadable report is never "every user removed").
 */
import type { Finding } from "../../account/finding";

export type PrincipalKind = "user" | "role" | "group";

/** A user, role or group that exists in one audit and not in the other. */
export interface PrincipalChange {
  readonly kind: PrincipalKind;
  /** As IAM names it (`<root_account>` never appears: root is neither added nor removed). */
  readonly name: string;
  /** When IAM says it was created, if known (ISO 8601). */
  readonly createdAt?: string;
}

export type CredentialKind = "password" | "access-key" | "mfa";

/** A console password, access key or MFA device that one audit has and the other has not. */
export interface CredentialChange {
  /** The user as the credential report writes it (`<root_account>` for root). */
  readonly user: string;
  readonly credential: CredentialKind;
  /**
   * Which one, in words: "console password (set 2026-01-02T03:04:05.000Z)", "access key 2
   * (created 2026-11-01T00:00:00.000Z, active)", "MFA device". The credential report carries no
   * key ids or device serials, so a key is named by its slot and creation time.
   */
  readonly detail: string;
}

/** An access key activated or deactivated (the same key: same user, slot and creation time). */
export interface CredentialStatusChange extends CredentialChange {
  readonly from: "active" | "inactive";
  readonly to: "active" | "inactive";
}

/** A user's membership of a group, added or removed. */
export interface Membership {
  readonly user: string;
  readonly group: string;
}

/** Full administrative rights that a principal gained or lost through one route. */
export interface AdminChange {
  readonly kind: PrincipalKind;
  readonly name: string;
  /** "policy AdministratorAccess", "group Administrators (policy AdministratorAccess)", "inline policy ops-all". */
  readonly via: string;
}

/** A part of the account that could not be compared, and why (unreadable now or in the previous audit). */
export interface NotCompared {
  readonly part: "users and credentials" | "roles, groups and admin rights" | "account";
  readonly reason: string;
}

/** The changes of one account. */
export interface AccountChanges {
  readonly account: string | null;
  /** The previous audit's time (its `auditedAt`). */
  readonly previousAuditedAt: string;
  readonly principals: { readonly added: PrincipalChange[]; readonly removed: PrincipalChange[] };
  readonly credentials: {
    readonly added: CredentialChange[];
    readonly removed: CredentialChange[];
    /** Access keys activated or deactivated. A password its user changed is the same credential. */
    readonly changed: CredentialStatusChange[];
  };
  /** Users added to or removed from groups (from the permissions snapshot). */
  readonly groupMemberships: { readonly added: Membership[]; readonly removed: Membership[] };
  readonly adminRights: { readonly gained: AdminChange[]; readonly lost: AdminChange[] };
  readonly findings: {
    /** Failing now, not failing in the previous audit. */
    readonly new: Finding[];
    /** Failing in the previous audit, evaluated now and no longer failing. */
    readonly resolved: Finding[];
    /** Failing in the previous audit, not evaluated now: whether it was fixed is unknown. */
    readonly notEvaluatedNow: Finding[];
  };
  readonly notCompared: NotCompared[];
}

/** An account of the organization, as its listing names it. */
export interface AccountRef {
  readonly account: string;
  readonly name?: string;
}

/** The organization-wide part: which accounts joined or left; each account's own changes are AccountChanges. */
export interface OrganizationChanges {
  readonly previousAuditedAt: string;
  /** Audited now, absent from the previous audit. */
  readonly accountsAdded: AccountRef[];
  /** In the previous audit, not listed now. */
  readonly accountsRemoved: AccountRef[];
  /** Per account audited in both. */
  readonly accounts: AccountChanges[];
  /** Accounts in both listings that could not be compared (not audited now or then). */
  readonly notCompared: (AccountRef & { readonly reason: string })[];
}
