/**
 * `npm run audit` (the CLI in a child process, the real SDK) against endpoints that real networks
 * produce: one that accepts connections and never answers, one that answers HTTP 200 with an
 * HTML page. Each run must end in bounded time with exit 2 and one line on stderr naming the
 * call and the bound, and print no finding. With --organization, one such member account is that
 * account's error and the others are audited.
 */
import * as assert from "assert";
import { FakeAccount } from "../support/fakeAws";
import { useFakeAws } from "../support/useFakeAws";
import { addOrganization, AMBIENT_KEY, memberIds } from "../support/fakeOrganization";
import { runAudit } from "./cliRunner";

const NOW = "2026-11-20T12:00:00Z";
const account: FakeAccount = {
  accountId: "123456789012",
  contacts: ["BILLING", "OPERATIONS", "SECURITY"],
  passwordPolicy: null,
  users: [],
};

describe("npm run audit against hostile endpoints (real SDK, fakeAws)", function () {
  this.timeout(60_000);
  const fakeAws = useFakeAws();
  const audit = async (...args: string[]) => {
    const t = Date.now();
    const r = await runAudit(["--now", NOW, ...args], { AWS_ENDPOINT_URL: fakeAws().url });
    return { ...r, ms: Date.now() - t };
  };

  it("an endpoint that never answers: exit 2 at the account deadline, one line naming the call and the deadline", async () => {
    fakeAws().addAccount(AMBIENT_KEY, { ...account, neverAnswer: true });
    const r = await audit("--format", "json", "--account-deadline-seconds", "2");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.strictEqual(r.stdout, "");
    assert.match(
      r.stderr,
      /^audit: cannot read the account: \S+ had not answered when the 2 s deadline for reading the account passed \(--account-deadline-seconds\)\n$/,
    );
    assert.ok(r.ms < 12_000, `ended after ${r.ms} ms`);
  });

  it("an endpoint that answers HTTP 200 with an HTML page: exit 2, one line, no password-policy finding", async () => {
    fakeAws().addAccount(AMBIENT_KEY, { ...account, htmlAnswer: true });
    const r = await audit("--format", "json");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.strictEqual(r.stdout, "", "no finding is printed");
    assert.match(
      r.stderr,
      /^audit: cannot read the account: \S+ got an answer that is not AWS's answer \(HTTP 200/,
    );
    assert.strictEqual(r.stderr.split("\n").length, 2, r.stderr);
    assert.ok(r.ms < 12_000, `ended after ${r.ms} ms`);
  });

  it("rejects a deadline out of range, naming the flag and the range", async () => {
    const r = await audit("--account-deadline-seconds", "0");
    assert.strictEqual(r.code, 2);
    assert.match(
      r.stderr,
      /--account-deadline-seconds must be a whole number of seconds from 1 to 3600; got "0"/,
    );
  });

  it("--organization: a member that never answers and one answering HTML are those accounts' errors; the others are audited", async () => {
    const members = memberIds(4);
    addOrganization(fakeAws(), {
      members,
      overrides: { [members[1]]: { neverAnswer: true }, [members[2]]: { htmlAnswer: true } },
    });
    const r = await audit("--organization", "--format", "json", "--account-deadline-seconds", "2");
    assert.strictEqual(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as {
      accounts: { account: string; status: string; error?: string }[];
      findings: { account: string; policy: string }[];
    };
    const byId = new Map(out.accounts.map((a) => [a.account, a]));
    assert.match(
      byId.get(members[1])?.error ?? "",
      /^could not assume role arn:aws:iam::\d{12}:role\/OrganizationAccountAccessRole: sts:AssumeRole had not answered when the 2 s deadline for reading the account passed \(--account-deadline-seconds\)$/,
    );
    assert.match(byId.get(members[2])?.error ?? "", /not AWS's answer/);
    for (const id of [members[0], members[3]]) assert.strictEqual(byId.get(id)?.status, "ok", id);
    assert.ok(!out.findings.some((f) => f.account === members[1] || f.account === members[2]));
    assert.ok(r.ms < 15_000, `ended after ${r.ms} ms`);
  });

  it("--organization: a listing answered with an HTML page is exit 2, one line, nothing audited", async () => {
    addOrganization(fakeAws(), { members: memberIds(2), management: { htmlAnswer: ["ListAccounts"] } });
    const r = await audit("--organization", "--format", "json");
    assert.strictEqual(r.code, 2, r.stderr);
    assert.strictEqual(r.stdout, "");
    assert.match(
      r.stderr,
      /^audit: cannot list the organization's accounts: organizations:ListAccounts got an answer that is not AWS's answer \(HTTP 200, text\/html/,
    );
    assert.strictEqual(r.stderr.split("\n").length, 2, r.stderr);
  });
});
