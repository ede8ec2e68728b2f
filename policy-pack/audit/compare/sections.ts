/**
 * The changes as titled lists of sentences, the one wording the table, Markdown and HTML formats
 * share; empty lists are left out, and "No changes." stands alone when nothing changed.
 */
import { Finding } from "../../account/finding";
import {
  AccountChanges,
  AccountRef,
  AdminChange,
  CredentialChange,
  OrganizationChanges,
  PrincipalChange,
} from "./types";

export interface ChangeSection {
  readonly title: string;
  readonly items: string[];
}

const principal = (p: PrincipalChange) =>
  `${p.kind} ${p.name}${p.createdAt ? ` (created ${p.createdAt})` : ""}`;
const credential = (c: CredentialChange) => `${c.user}: ${c.detail}`;
const admin = (a: AdminChange) => `${a.kind} ${a.name} via ${a.via}`;
const finding = (f: Finding) => `${f.policy} ${f.subject}: ${f.message}`;

export function changeSections(c: AccountChanges): ChangeSection[] {
  // A finding that went with its principal is resolved, and says why (not fixed: removed).
  const removed = new Map(c.principals.removed.map((p) => [p.name, p.kind]));
  const resolved = (f: Finding) => {
    const kind = removed.get(f.subject);
    return kind ? `${finding(f)} (the ${kind} was removed)` : finding(f);
  };
  const sections: ChangeSection[] = [
    { title: "Principals added", items: c.principals.added.map(principal) },
    { title: "Principals removed", items: c.principals.removed.map(principal) },
    { title: "Credentials added", items: c.credentials.added.map(credential) },
    { title: "Credentials removed", items: c.credentials.removed.map(credential) },
    {
      title: "Credentials changed",
      items: c.credentials.changed.map((x) => `${credential(x)}: was ${x.from}, now ${x.to}`),
    },
    {
      title: "Added to groups",
      items: c.groupMemberships.added.map((m) => `user ${m.user} to group ${m.group}`),
    },
    {
      title: "Removed from groups",
      items: c.groupMemberships.removed.map((m) => `user ${m.user} from group ${m.group}`),
    },
    { title: "Admin rights gained", items: c.adminRights.gained.map(admin) },
    { title: "Admin rights lost", items: c.adminRights.lost.map(admin) },
    { title: "Findings new", items: c.findings.new.map(finding) },
    { title: "Findings resolved", items: c.findings.resolved.map(resolved) },
    {
      title: "Failing before, not evaluated now (unknown whether fixed)",
      items: c.findings.notEvaluatedNow.map(finding),
    },
    { title: "Not compared", items: c.notCompared.map((n) => `${n.part}: ${n.reason}`) },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/** "Changes since the audit of 2026-11-01T12:00:00.000Z (previous.json)". */
export const changesTitle = (c: { previousAuditedAt: string }) =>
  `Changes since the audit of ${c.previousAuditedAt}`;

/** The organization-wide lines: accounts added, removed, not compared. */
export function organizationSections(c: OrganizationChanges): ChangeSection[] {
  const label = (a: AccountRef) => (a.name ? `${a.account} (${a.name})` : a.account);
  const sections: ChangeSection[] = [
    { title: "Accounts added", items: c.accountsAdded.map(label) },
    { title: "Accounts removed", items: c.accountsRemoved.map(label) },
    { title: "Accounts not compared", items: c.notCompared.map((a) => `${label(a)}: ${a.reason}`) },
  ];
  return sections.filter((s) => s.items.length > 0);
}

/** The sections of either kind of changes, and whether anything changed ("Not compared" alone is no change). */
export function sectionsOf(c: AccountChanges | OrganizationChanges): {
  sections: ChangeSection[];
  changed: boolean;
} {
  const sections = "accountsAdded" in c ? organizationSections(c) : changeSections(c);
  return { sections, changed: sections.some((s) => s.title !== "Not compared") };
}
