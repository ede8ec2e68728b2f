/**
 * The stand-in aws provider's journal: one JSON line per request the engine made of it, in the
 * file named by `STAND_IN_AWS_JOURNAL`, so a test can see what the engine asked the provider to
 * create, update or delete (and that it asked nothing at all).
 */
import * as fs from "fs";

export const journalVariable = "STAND_IN_AWS_JOURNAL";

export interface JournalEntry {
  /** The gRPC method, as the provider's handlers name it: create, update, delete, invoke, ... */
  readonly op: string;
  readonly urn?: string;
  readonly token?: string;
  readonly preview?: boolean;
}

/** Appends what `request` asks (its URN, invoke token, preview flag) when a journal is set. */
export function record(op: string, request: object): void {
  const file = process.env[journalVariable];
  if (file === undefined) return;
  const r = request as { getUrn?(): string; getTok?(): string; getPreview?(): boolean };
  const entry: JournalEntry = {
    op,
    ...(r.getUrn ? { urn: r.getUrn() } : {}),
    ...(r.getTok ? { token: r.getTok() } : {}),
    ...(r.getPreview ? { preview: r.getPreview() } : {}),
  };
  fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

export function readJournal(file: string): JournalEntry[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as JournalEntry);
}

/** The resource type a URN names (the last segment of its qualified type). */
export function urnType(urn: string): string {
  return (urn.split("::")[2] ?? "").split("$").pop() ?? "";
}
