import { AccountFacts } from "../../account/facts";
import type { PolicyName } from "../../controls";
import { AuditConfig } from "../config";
import type { Display } from "../render/display";
import { AuditResult } from "../run";
import { Caller } from "./accounts";
import { AccountChanges, OrganizationChanges } from "../compare/types";

/** One member account's audit: its result (and the facts, for locations) or why it could not be audited. */
export type AccountOutcome =
  | {
      readonly account: string;
      readonly name?: string;
      readonly status: "ok";
      /** The role assumed to read it; none for the caller's own account. */
      readonly roleArn?: string;
      readonly result: AuditResult;
      readonly facts: AccountFacts;
      /** With --compare, when the account was audited in the previous run too. */
      readonly changes?: AccountChanges;
    }
  | {
      readonly account: string;
      readonly name?: string;
      readonly status: "error";
      readonly roleArn?: string;
      readonly error: string;
    };

/** What every organization writer knows before the first account. */
export interface OrganizationRun {
  readonly caller: Caller;
  readonly roleName: string;
  readonly config: AuditConfig;
  /** The policies reported (SARIF's rules): config.policies, and unused-service-permissions with --last-accessed. */
  readonly policies: readonly PolicyName[];
  /** When the audit ran and judges at (--now or the clock). */
  readonly now: Date;
  /** The table format's width and colour (the command's stdout); default 80 columns, no colour. */
  readonly display?: Display;
  /** With --compare: every SARIF result carries a baselineState. */
  readonly compare?: boolean;
}

/** Totals once every account is done; `error`: the listing broke off (not every account was audited). */
export interface OrganizationTotals {
  readonly accounts: number;
  readonly failedAccounts: number;
  readonly failing: number;
  readonly notEvaluated: number;
  readonly error?: string;
  /** The reader closed the output (`| head`); nothing more was written. */
  readonly outputClosed?: true;
  /** ... before every account was audited: the accounts after it were not. */
  readonly incomplete?: true;
}

/**
 * Writes the combined result as accounts finish, so memory does not grow with the number of
 * accounts: only a few bytes per account (its summary line) are held until `end`.
 */
export interface OrganizationWriter {
  begin(): Promise<void>;
  account(outcome: AccountOutcome): Promise<void>;
  /** `changes`: with --compare, the accounts added and removed and each account's changes. */
  end(totals: OrganizationTotals, changes?: OrganizationChanges): Promise<void>;
}

/** Writes text to the output, resolving once it may take more (stdout's backpressure). */
export type Write = (text: string) => Promise<void>;
