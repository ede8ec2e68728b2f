import { streamedObject } from "./jsonText";
import { Renderer } from "./types";

/**
 * DESIGN.md's audit JSON: `{ account, source, reportGeneratedAt, findings: [...] }`, exactly as
 * `JSON.stringify(result, null, 2)` prints it, one finding at a time.
 */
export const renderJson: Renderer = function* ({ result }) {
  const { findings, ...head } = result;
  yield* streamedObject(head, "findings", findings);
  yield "\n";
};
