/**
 * With --compare, SARIF 2.1.0's baselineState (§3.27.24): "new" or "unchanged" on each failing
 * result, and the previous audit's failing findings that are gone as results "absent", whose
 * `properties.resolution` says "resolved", or "not-evaluated" when this audit could not judge them.
 */
import type { Result } from "sarif";
import { Finding } from "../../../account/finding";
import { findingKey } from "../../compare/diff";
import { AccountChanges } from "../../compare/types";

/**
 * The baselineState of each failing finding of an account. `comparing` without `changes`: the
 * account was not in the previous audit (it joined the organization, or was not audited then),
 * so every result is new.
 */
export function baselineStates(
  changes: AccountChanges | undefined,
  comparing: boolean,
): (f: Finding) => Pick<Result, "baselineState"> {
  if (!changes) return comparing ? () => ({ baselineState: "new" }) : () => ({});
  const isNew = new Set(changes.findings.new.map(findingKey));
  return (f) => ({ baselineState: isNew.has(findingKey(f)) ? "new" : "unchanged" });
}

/** The absent results of an account (none without --compare); `properties` are added to each. */
export function absentResults(
  changes: AccountChanges | undefined,
  properties: Record<string, unknown> = {},
): { finding: Finding; extra: Pick<Result, "baselineState" | "properties"> }[] {
  if (!changes) return [];
  const absent = (resolution: string) => (finding: Finding) => ({
    finding,
    extra: { baselineState: "absent" as const, properties: { ...properties, resolution } },
  });
  return [
    ...changes.findings.resolved.map(absent("resolved")),
    ...changes.findings.notEvaluatedNow.map(absent("not-evaluated")),
  ];
}
