/** HTML reports for the tests: an organization of three accounts (one passes, one fails, one unreadable). */
import { defaultAuditConfig } from "../../../policy-pack/audit/config";
import { htmlWriter } from "../../../policy-pack/audit/render/html";
import { AccountChanges, OrganizationChanges } from "../../../policy-pack/audit/compare/types";
import { auditFacts } from "../../../policy-pack/audit/run";
import { AccountOutcome } from "../../../policy-pack/audit/organization/types";
import { apiFacts, NOW, row, rootRow } from "../../support/accountFacts";
import { fail } from "../../../policy-pack/account/finding";

/** An account name a member account's owner chose: markup that must stay text. */
export const hostileName = `<img src="http://evil.example/x.png" onerror="alert(1)">Team & Co`;

const outcome = (account: string, name: string, users = [rootRow(), row("alice")]): AccountOutcome => {
  const facts = apiFacts({ accountId: account, users: { value: users } });
  return { account, name, status: "ok", result: auditFacts(facts, defaultAuditConfig, NOW), facts };
};

export const passing = outcome("111111111111", "prod");
export const failing = outcome("222222222222", hostileName, [
  rootRow(),
  row("bob", { mfaActive: false }),
  row("heidi", { mfaActive: false, passwordLastUsed: "no_information" }),
]);
export const unreadableAccount: AccountOutcome = {
  account: "333333333333",
  status: "error",
  error: "sts:AssumeRole: AccessDenied <not> authorized",
};

export const changes: AccountChanges = {
  account: "222222222222",
  previousAuditedAt: "2026-10-20T12:00:00.000Z",
  principals: { added: [{ kind: "user", name: "heidi" }], removed: [{ kind: "user", name: "mallory" }] },
  credentials: {
    added: [{ user: "bob", credential: "access-key", detail: "access key 2 (active)" }],
    removed: [],
    changed: [],
  },
  groupMemberships: { added: [{ user: "heidi", group: "Developers" }], removed: [] },
  adminRights: { gained: [{ kind: "user", name: "bob", via: "policy AdministratorAccess" }], lost: [] },
  findings: {
    new: [fail("iam-users-mfa-enabled", "heidi", "heidi: console password enabled without MFA")],
    resolved: [fail("access-keys-rotated", "carol", "carol: key old")],
    notEvaluatedNow: [],
  },
  notCompared: [],
};

export const organizationChanges: OrganizationChanges = {
  previousAuditedAt: "2026-10-20T12:00:00.000Z",
  accountsAdded: [{ account: "111111111111", name: "prod" }],
  accountsRemoved: [{ account: "444444444444", name: "retired" }],
  accounts: [changes],
  notCompared: [{ account: "333333333333", reason: "could not be audited now: AccessDenied" }],
};

/** The organization's whole page, as the writer streams it. */
export async function organizationPage(): Promise<string> {
  let html = "";
  const w = htmlWriter(
    {
      caller: { account: "111111111111", arn: "arn:aws:iam::111111111111:user/a", partition: "aws" },
      roleName: "Audit",
      config: defaultAuditConfig,
      policies: defaultAuditConfig.policies,
      now: NOW,
    },
    async (t) => {
      html += t;
    },
  );
  await w.begin();
  for (const o of [passing, { ...failing, changes }, unreadableAccount]) await w.account(o);
  await w.end(
    {
      accounts: 3,
      failedAccounts: 1,
      failing:
        failing.status === "ok" ? failing.result.findings.filter((f) => f.status === "fail").length : 0,
      notEvaluated: 0,
    },
    organizationChanges,
  );
  return html;
}
