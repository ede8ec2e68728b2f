import { formatVersion, snapshotOf } from "../compare/snapshot";
import { streamedObject } from "./jsonText";
import { Renderer } from "./types";

/**
 * docs/contracts.md's audit JSON: `{ formatVersion, account, source, reportGeneratedAt, auditedAt,
 * findings: [...], snapshot, changes? }`, exactly as `JSON.stringify(object, null, 2)` prints it,
 * one finding at a time; the snapshot is what a later `--compare` reads.
 */
export const renderJson: Renderer = function* ({ result, facts, changes }) {
  const { account, source, reportGeneratedAt, auditedAt, findings } = result;
  const head = { formatVersion, account, source, reportGeneratedAt, auditedAt };
  yield* streamedObject(head, "findings", findings, () => ({
    snapshot: snapshotOf(facts),
    ...(changes ? { changes } : {}),
  }));
  yield "\n";
};
