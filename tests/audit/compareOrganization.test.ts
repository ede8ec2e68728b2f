import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Log } from "sarif";
import { errors } from "../support/fakeAws";
import { addOrganization, MANAGEMENT_ID, memberIds } from "../support/fakeOrganization";
import { useFakeAws } from "../support/useFakeAws";
import { assertUsageError, runAudit } from "./cliRunner";

const NOW = "2026-11-20T12:00:00Z";
const [A, B, C, D] = memberIds(4);

interface OrgChanges {
  accountsAdded: { account: string; name?: string }[];
  accountsRemoved: { account: string; name?: string }[];
  accounts: {
    account: string;
    principals: { added: { name: string }[]; removed: { name: string }[] };
    findings: { new: { policy: string; subject: string }[]; resolved: { policy: string; subject: string }[] };
  }[];
  notCompared: { account: string; reason: string }[];
}

describe("npm run audit -- --organization --compare PREVIOUS.json", function () {
  this.timeout(240_000);
  const fake = useFakeAws();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "audit-compare-org-"));
  let previous: string;
  const org = (...args: string[]) =>
    runAudit(["--organization", "--now", NOW, ...args], { AWS_ENDPOINT_URL: fake().url });

  before(async () => {
    addOrganization(fake(), { members: [A, B, C] });
    const r = await org("--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    previous = path.join(tmp, "previous.json");
    fs.writeFileSync(previous, r.stdout);
    // Later: C left the organization, D joined, A's role can no longer be assumed; in B, its
    // developer left and a new one (with MFA) joined.
    addOrganization(fake(), {
      members: [A, B, D],
      overrides: {
        [A]: { failAlways: { AssumeRole: errors.accessDenied("AssumeRole", "sts") } },
        [B]: {
          users: [
            {
              name: "newdev",
              createdAt: "2026-11-10T00:00:00+00:00",
              mfa: true,
              password: { lastUsed: "2026-11-19T00:00:00+00:00", lastChanged: "2026-11-10T00:00:00+00:00" },
            },
          ],
        },
      },
    });
  });
  after(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("accounts added and removed; each account compared with its own previous audit", async () => {
    const r = await org("--format", "json", "--compare", previous);
    assert.strictEqual(r.stderr, "");
    const changes = (JSON.parse(r.stdout) as { changes: OrgChanges }).changes;
    assert.deepStrictEqual(changes.accountsAdded, [{ account: D, name: `member-${D.slice(-4)}` }]);
    assert.deepStrictEqual(changes.accountsRemoved, [{ account: C, name: `member-${C.slice(-4)}` }]);
    assert.deepStrictEqual(
      changes.notCompared.map((n) => [n.account, /^could not be audited now: /.test(n.reason)]),
      [[A, true]],
    );
    const by = new Map(changes.accounts.map((c) => [c.account, c]));
    assert.deepStrictEqual([...by.keys()].sort(), [MANAGEMENT_ID, B].sort());
    for (const id of [MANAGEMENT_ID]) {
      const c = by.get(id)!;
      assert.deepStrictEqual(
        [c.principals, c.findings.new, c.findings.resolved],
        [{ added: [], removed: [] }, [], []],
      );
    }
    const b = by.get(B)!;
    assert.deepStrictEqual(
      b.principals.added.map((p) => p.name),
      ["newdev"],
    );
    assert.deepStrictEqual(
      b.principals.removed.map((p) => p.name),
      [`dev-${B.slice(-4)}`],
    );
    assert.deepStrictEqual(
      b.findings.resolved.map((f) => `${f.policy} ${f.subject}`),
      [`iam-users-mfa-enabled dev-${B.slice(-4)}`],
    );

    const sarif = await org("--format", "sarif", "--compare", previous);
    const results = (JSON.parse(sarif.stdout) as Log).runs[0].results ?? [];
    const absent = results.filter((x) => x.baselineState === "absent");
    assert.deepStrictEqual(
      absent.map((x) => [x.properties?.account, x.ruleId, x.properties?.resolution]),
      [[B, "iam-users-mfa-enabled", "resolved"]],
    );
    const isNew = results.filter((x) => x.baselineState === "new").map((x) => x.properties?.account);
    assert.deepStrictEqual(isNew, [D], "the account that joined: its finding is new");
    assert.ok(
      results.every((x) => x.baselineState !== undefined),
      "every result has a baselineState",
    );
    const md = await org("--format", "markdown", "--compare", previous);
    assert.match(md.stdout, /\*\*Accounts added\*\*\n\n- 200000000004 \(member-0004\)/);
    assert.match(md.stdout, /\*\*Accounts removed\*\*\n\n- 200000000003 \(member-0003\)/);
    assert.match(
      md.stdout,
      /\*\*Accounts not compared\*\*\n\n- 200000000001 \(member-0001\): could not be audited now/,
    );
    const table = await org("--compare", previous);
    assert.match(table.stdout, /Accounts added:\n {4}- 200000000004 \(member-0004\)/);
    assert.match(table.stdout, /Principals added:\n {4}- user newdev/);
    const html = await org("--format", "html", "--compare", previous);
    const section = html.stdout.slice(html.stdout.indexOf(`id="account-${B}"`));
    assert.match(section, /Principals added<\/th><td><ul><li>user newdev/);
    assert.match(html.stdout, /Accounts removed<\/th><td><ul><li>200000000003 \(member-0003\)/);
  });

  it("a single-account PREVIOUS with --organization (and the reverse) is one line, exit 2", async () => {
    const single = path.join(tmp, "single.json");
    const one = await runAudit(["--format", "json", "--now", NOW], { AWS_ENDPOINT_URL: fake().url });
    fs.writeFileSync(single, one.stdout);
    assertUsageError(
      await org("--format", "json", "--compare", single),
      /is a single-account audit; with --organization/,
    );
    assertUsageError(
      await runAudit(["--format", "json", "--now", NOW, "--compare", previous], {
        AWS_ENDPOINT_URL: fake().url,
      }),
      /is an organization audit; compare it with --organization/,
    );
  });
});
