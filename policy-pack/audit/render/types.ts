import { AccountFacts } from "../../account/facts";
import { PolicyName } from "../../controls";
import { AuditResult } from "../run";

/** What every renderer receives: the result, the facts it came from (for locations), and the policies that ran. */
export interface RenderInput {
  readonly result: AuditResult;
  readonly facts: AccountFacts;
  /** Every policy audited, in report order (SARIF lists each as a rule, failing or not). */
  readonly policies: readonly PolicyName[];
}

/** The report as pieces of text, produced as they are written, so its size never builds up in memory. */
export type Renderer = (input: RenderInput) => Iterable<string>;
