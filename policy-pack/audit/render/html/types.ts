/**
 * What the HTML report shows beyond the findings, each optional: who holds full administrative
 * rights (from the permissions snapshot, where the audit read one) and what changed since a
 * previous audit (`--compare PREVIOUS.json`). Absent input is said on the page, never guessed.
 */
import type { Fact } from "../../../account/facts";
import type { Finding } from "../../../account/finding";

/** A principal with full administrative rights and each way it gets them. */
export interface AdminHolder {
  readonly kind: "user" | "group" | "role";
  readonly name: string;
  /** "policy AdministratorAccess", "group Administrators (policy AdministratorAccess)", ... */
  readonly through: readonly string[];
}

/** Added / removed names of one kind. */
export interface NameChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** A credential that appeared or went: `subject`'s password, access key 1 or 2, an MFA device. */
export interface CredentialChange {
  readonly subject: string;
  readonly credential: string;
}

/** The difference between this audit and a previous one of the same account. */
export interface AuditChanges {
  /** When the previous audit's report was generated, or the file it came from. */
  readonly since: string;
  readonly principals: {
    readonly users: NameChanges;
    readonly roles: NameChanges;
    readonly groups: NameChanges;
  };
  readonly credentials: {
    readonly added: readonly CredentialChange[];
    readonly removed: readonly CredentialChange[];
  };
  readonly admin: { readonly gained: readonly AdminHolder[]; readonly lost: readonly AdminHolder[] };
  readonly findings: { readonly new: readonly Finding[]; readonly resolved: readonly Finding[] };
}

/** One account's section: the findings and, when known, admin holders and changes. */
export interface HtmlAccount {
  readonly account: string | null;
  readonly name?: string;
  /** "IAM API", "credential report x.csv", "IAM API via role arn:..." */
  readonly source: string;
  readonly reportGeneratedAt: string | null;
  readonly findings: readonly Finding[];
  /** Undefined: this audit did not read permissions. */
  readonly admins?: Fact<readonly AdminHolder[]>;
  /** Undefined: no --compare. */
  readonly changes?: AuditChanges;
}
