/**
 * The "Changes since the previous audit" part of an account's section, and the organization's
 * accounts added and removed (--compare): a row per kind of change, in the wording every format
 * shares (../../compare/sections.ts).
 */
import { changesTitle, sectionsOf } from "../../compare/sections";
import { AccountChanges, OrganizationChanges } from "../../compare/types";
import { esc } from "./escape";

function changesTable(c: AccountChanges | OrganizationChanges): string {
  const { sections, changed } = sectionsOf(c);
  const rows = sections.map(
    (s) =>
      `<tr><th>${esc(s.title)}</th><td><ul>${s.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul></td></tr>`,
  );
  const none = changed ? "" : `<p class="none">No changes.</p>\n`;
  const table = rows.length > 0 ? `<table class="changes"><tbody>${rows.join("\n")}</tbody></table>\n` : "";
  return `<p>${esc(changesTitle(c))}.</p>\n${none}${table}`;
}

export function* changesPart(c: AccountChanges | undefined): Generator<string> {
  yield `<h3>Changes since the previous audit</h3>\n`;
  if (!c) {
    yield `<p class="none">Not compared: run with --compare PREVIOUS.json to show what changed.</p>\n`;
    return;
  }
  yield changesTable(c);
}

/** The organization-wide changes: which accounts joined, left, or could not be compared. */
export const organizationChangesPart = (c: OrganizationChanges): string =>
  `<section class="org-changes" id="changes"><h2>Accounts since the previous audit</h2>\n${changesTable(c)}</section>\n`;
