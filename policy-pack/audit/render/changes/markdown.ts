/** The "changes" section of the Markdown report (--compare). */
import { changesTitle, sectionsOf } from "../../compare/sections";
import { AccountChanges, OrganizationChanges } from "../../compare/types";
import { cell } from "../markdownText";

/** The "changes" section: a heading per kind of change, one bullet per change. */
export function changesMarkdown(c: AccountChanges | OrganizationChanges, level = "###", what = ""): string[] {
  const { sections, changed } = sectionsOf(c);
  const lines = [`${level} ${cell(`${changesTitle(c)}${what}`)}`, ``];
  if (!changed) lines.push(`No changes.`, ``);
  for (const s of sections) lines.push(`**${s.title}**`, ``, ...s.items.map((i) => `- ${cell(i)}`), ``);
  return lines;
}
