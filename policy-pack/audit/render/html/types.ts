/**
 * What the HTML report shows beyond the findings, each optional: who holds full administrative
 * rights (from the permissions snapshot, where the audit read one) and what changed since a
 * previous audit (`--compare PREVIOUS.json`, the one type every format renders: ../../compare/types.ts). Absent input is said on the page, never guessed.
 */
import type { Fact } from "../../../account/facts";
import type { Finding } from "../../../account/finding";
import type { AdminHolder } from "../../../account/permissions/adminHolders";
import type { AccountChanges } from "../../compare/types";

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
  readonly changes?: AccountChanges;
}
