import { AccountFacts } from "../../account/facts";
import { AuditResult } from "../run";

/** What every renderer receives: the result, and the facts it came from (for locations). */
export interface RenderInput {
  readonly result: AuditResult;
  readonly facts: AccountFacts;
}

export type Renderer = (input: RenderInput) => string;
