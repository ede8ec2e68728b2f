/**
 * The "changes" section of the terminal table (--compare): a title, then each kind of change with
 * one indented line per change; "No changes." when nothing changed.
 */
import { changesTitle, sectionsOf } from "../../compare/sections";
import { AccountChanges, OrganizationChanges } from "../../compare/types";

/** The changes as plain text for the terminal. */
export function changesText(c: AccountChanges | OrganizationChanges): string {
  const { sections, changed } = sectionsOf(c);
  const lines = [`${changesTitle(c)}:`];
  if (!changed) lines.push("  No changes.");
  for (const s of sections) lines.push(`  ${s.title}:`, ...s.items.map((i) => `    - ${i}`));
  return `${lines.join("\n")}\n`;
}
