/** The "Changes since the previous audit" part of an account's section (--compare). */
import { esc } from "./escape";
import { AdminHolder, AuditChanges, CredentialChange, NameChanges } from "./types";

const list = (items: readonly string[]): string =>
  items.length === 0
    ? `<span class="none">none</span>`
    : `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;

const names = (kind: string, c: NameChanges): string[] => [
  `<tr><th>${kind} added</th><td>${list(c.added.map(esc))}</td></tr>`,
  `<tr><th>${kind} removed</th><td>${list(c.removed.map(esc))}</td></tr>`,
];
const credential = (c: CredentialChange): string => `${esc(c.subject)}: ${esc(c.credential)}`;
const holder = (h: AdminHolder): string => `${h.kind} ${esc(h.name)} through ${esc(h.through.join("; "))}`;

export function* changesPart(c: AuditChanges | undefined): Generator<string> {
  yield `<h3>Changes since the previous audit</h3>\n`;
  if (!c) {
    yield `<p class="none">Not compared: run with --compare PREVIOUS.json to show what changed.</p>\n`;
    return;
  }
  const rows = [
    ...names("Users", c.principals.users),
    ...names("Roles", c.principals.roles),
    ...names("Groups", c.principals.groups),
    `<tr><th>Credentials added</th><td>${list(c.credentials.added.map(credential))}</td></tr>`,
    `<tr><th>Credentials removed</th><td>${list(c.credentials.removed.map(credential))}</td></tr>`,
    `<tr><th>Admin rights gained</th><td>${list(c.admin.gained.map(holder))}</td></tr>`,
    `<tr><th>Admin rights lost</th><td>${list(c.admin.lost.map(holder))}</td></tr>`,
    `<tr><th>New findings</th><td>${list(c.findings.new.map((f) => `<code>${esc(f.policy)}</code> ${esc(f.subject)}: ${esc(f.message)}`))}</td></tr>`,
    `<tr><th>Resolved findings</th><td>${list(c.findings.resolved.map((f) => `<code>${esc(f.policy)}</code> ${esc(f.subject)}`))}</td></tr>`,
  ];
  yield `<p>Compared with ${esc(c.since)}.</p>\n<table class="changes"><tbody>${rows.join("\n")}</tbody></table>\n`;
}
