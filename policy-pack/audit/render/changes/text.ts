/**
 * The "changes" section of the terminal table (--compare): a title, then each kind of change with
 * one indented item per change, wrapped at the display's width under its own indent (a long
 * finding message stays readable in an 80-column terminal); "No changes." when nothing changed.
 * Control characters in names (a hand-edited report) are replaced, as in the findings table.
 */
import { changesTitle, sectionsOf } from "../../compare/sections";
import { AccountChanges, OrganizationChanges } from "../../compare/types";
import { wrap } from "../wrapText";

/** `text` wrapped to `width`, the first line after `first`, the others after as many spaces. */
function hanging(first: string, text: string, width: number): string[] {
  const indent = " ".repeat(first.length);
  return wrap(text, Math.max(width - first.length, 1)).map((l, i) => `${i === 0 ? first : indent}${l}`);
}

/** The changes as plain text for the terminal, no line wider than `width`. */
export function changesText(c: AccountChanges | OrganizationChanges, width: number): string {
  const { sections, changed } = sectionsOf(c);
  const lines = hanging("", `${changesTitle(c)}:`, width);
  if (!changed) lines.push(...hanging("  ", "No changes.", width));
  for (const s of sections) {
    lines.push(...hanging("  ", `${s.title}:`, width));
    for (const item of s.items) lines.push(...hanging("    - ", item, width));
  }
  return `${lines.join("\n")}\n`;
}
