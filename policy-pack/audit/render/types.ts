import { AccountFacts } from "../../account/facts";
import { PolicyName } from "../../controls";
import { AuditResult } from "../run";
import { Display } from "./display";
import { AccountChanges } from "../compare/types";

/** What every renderer receives: the result, the facts it came from (for locations), and the policies that ran. */
export interface RenderInput {
  readonly result: AuditResult;
  readonly facts: AccountFacts;
  /** Every policy audited, in report order (SARIF lists each as a rule, failing or not). */
  readonly policies: readonly PolicyName[];
  /** When the audit ran (--now or the clock), for formats that say so. */
  readonly now?: Date;
  /** The table format's width and colour (the command's stdout); default 80 columns, no colour. */
  readonly display?: Display;
  /** With --compare: what changed since the previous audit. */
  readonly changes?: AccountChanges;
}

/** The report as pieces of text, produced as they are written, so its size never builds up in memory. */
export type Renderer = (input: RenderInput) => Iterable<string>;
