/**
 * `npm run audit -- --organization` end to end: the CLI in a child process with the real SDK
 * against fakeAws serving STS, Organizations and IAM for a whole organization, with failing
 * accounts, an inactive one, pagination and added latency.
 */
import * as assert from "assert";
import type { Log } from "sarif";
import { errors } from "../support/fakeAws";
import { useFakeAws } from "../support/useFakeAws";
import { addOrganization, MANAGEMENT_ID, memberIds } from "../support/fakeOrganization";
import { runAudit } from "./cliRunner";

const NOW = "2026-11-20T12:00:00Z";
const MEMBERS = memberIds(12);
const NO_ROLE = MEMBERS[3];
const UNREADABLE = MEMBERS[7];
const SUSPENDED = "299999999999";
const role = (account: string, name = "OrganizationAccountAccessRole") =>
  `arn:aws:iam::${account}:role/${name}`;

interface OrgJson {
  organization: boolean;
  account: null;
  callerAccount: string;
  roleName: string;
  findings: { account: string; policy: string; status: string; subject: string; message: string }[];
  accounts: {
    account: string;
    name?: string;
    status: string;
    roleArn?: string;
    error?: string;
    failing: number;
  }[];
  totals: { accounts: number; failedAccounts: number; failing: number; notEvaluated: number };
}

const everything = Object.fromEntries(
  [
    "GetCallerIdentity",
    "GenerateCredentialReport",
    "GetAccountSummary",
    "ListVirtualMFADevices",
    "GetAccountPasswordPolicy",
    "GetAlternateContact",
    "GetAccountAuthorizationDetails",
    "ListServerCertificates",
    "ListOrganizationsFeatures",
    "ListAnalyzers",
  ].map((a) => [a, errors.accessDenied(a)]),
);

describe("npm run audit -- --organization (real SDK against fakeAws)", function () {
  this.timeout(120_000);
  const fakeAws = useFakeAws();
  const org = (...args: string[]) =>
    runAudit(["--organization", "--now", NOW, ...args], { AWS_ENDPOINT_URL: fakeAws().url });

  beforeEach(() => {
    fakeAws().latencyMs = 20;
    fakeAws().resetConcurrency();
    fakeAws().assumeRoleRequests.length = 0;
    addOrganization(fakeAws(), {
      members: MEMBERS,
      overrides: { [NO_ROLE]: { roles: {} }, [UNREADABLE]: { failAlways: everything } },
      inactive: [{ accountId: SUSPENDED, name: "closed-one", state: "SUSPENDED" }],
      pageSize: 5,
    });
  });

  it("audits every active account with at most N at once; one combined JSON, an account on every finding; failed accounts reported, exit 1", async () => {
    const r = await org("--concurrency", "3", "--format", "json");
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(r.stderr, "", "no progress off a terminal");
    assert.strictEqual(
      r.stdout,
      `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`,
      "streamed as JSON.stringify prints it",
    );
    const out = JSON.parse(r.stdout) as OrgJson;
    assert.deepStrictEqual(Object.keys(out), [
      "formatVersion",
      "organization",
      "account",
      "callerAccount",
      "roleName",
      "source",
      "reportGeneratedAt",
      "auditedAt",
      "findings",
      "accounts",
      "totals",
    ]);
    assert.strictEqual(out.organization, true);
    assert.strictEqual(out.callerAccount, MANAGEMENT_ID);
    assert.strictEqual(out.roleName, "OrganizationAccountAccessRole");

    const byAccount = new Map(out.accounts.map((a) => [a.account, a]));
    assert.deepStrictEqual(
      [...byAccount.keys()].sort(),
      [MANAGEMENT_ID, ...MEMBERS].sort(),
      "the suspended account is not audited",
    );
    assert.strictEqual(
      byAccount.get(MANAGEMENT_ID)?.roleArn,
      undefined,
      "the caller's own account is read directly",
    );
    const noRole = byAccount.get(NO_ROLE);
    assert.strictEqual(noRole?.status, "error");
    assert.match(
      noRole?.error ?? "",
      new RegExp(
        `^could not assume role ${role(NO_ROLE)} \\(AccessDenied: .*\\); the role must exist in account ${NO_ROLE}`,
      ),
    );
    const unreadable = byAccount.get(UNREADABLE);
    assert.strictEqual(unreadable?.status, "error");
    assert.match(unreadable?.error ?? "", /^nothing could be read: .* was denied/);
    const ok = out.accounts.filter((a) => a.status === "ok");
    assert.strictEqual(ok.length, 11);
    assert.ok(
      ok.every((a) => a.failing === 1),
      JSON.stringify(ok),
    );
    assert.deepStrictEqual(out.totals, { accounts: 13, failedAccounts: 2, failing: 11, notEvaluated: 0 });

    // Every finding names its account, and is about that account's own users.
    assert.strictEqual(out.findings.length, 11);
    for (const f of out.findings) {
      assert.strictEqual(f.policy, "iam-users-mfa-enabled");
      assert.strictEqual(f.subject, `dev-${f.account.slice(-4)}`);
    }
    assert.deepStrictEqual(new Set(out.findings.map((f) => f.account)), new Set(ok.map((a) => a.account)));

    assert.ok(
      fakeAws().maxConcurrentAccounts <= 3,
      `at most 3 accounts at once, saw ${fakeAws().maxConcurrentAccounts}`,
    );
    assert.ok(
      fakeAws().maxConcurrentAccounts >= 2,
      `accounts are audited in parallel, saw ${fakeAws().maxConcurrentAccounts}`,
    );

    const assumed = fakeAws()
      .assumeRoleRequests.map((q) => q.roleArn)
      .sort();
    assert.deepStrictEqual(
      assumed,
      MEMBERS.map((m) => role(m)).sort(),
      "one AssumeRole per member, none for the caller or the suspended account",
    );
    assert.ok(
      fakeAws().assumeRoleRequests.every(
        (q) => q.sessionName === "aws-account-baseline-audit" && q.callerAccountId === MANAGEMENT_ID,
      ),
    );
    assert.strictEqual(fakeAws().countsFor(MANAGEMENT_ID).ListAccounts, 3, "13 accounts at 5 per page");
  });

  it("--role-name names the role assumed in every member account", async () => {
    addOrganization(fakeAws(), {
      members: MEMBERS.slice(0, 3),
      overrides: Object.fromEntries(MEMBERS.slice(0, 3).map((m) => [m, { roles: { AuditReadOnly: {} } }])),
    });
    const r = await org("--role-name", "AuditReadOnly", "--format", "json");
    const out = JSON.parse(r.stdout) as OrgJson;
    assert.strictEqual(out.roleName, "AuditReadOnly");
    assert.deepStrictEqual(
      fakeAws()
        .assumeRoleRequests.map((q) => q.roleArn)
        .sort(),
      MEMBERS.slice(0, 3).map((m) => role(m, "AuditReadOnly")),
    );
    assert.ok(out.accounts.every((a) => a.status === "ok"));
  });

  it("exit 0 when every account is audited and nothing fails", async () => {
    addOrganization(fakeAws(), {
      members: MEMBERS.slice(0, 4),
      overrides: Object.fromEntries(MEMBERS.slice(0, 4).map((m) => [m, { users: [] }])),
      management: { users: [] },
    });
    const r = await org("--format", "json");
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as OrgJson;
    assert.deepStrictEqual(out.findings, []);
    assert.deepStrictEqual(out.totals, { accounts: 5, failedAccounts: 0, failing: 0, notEvaluated: 0 });
  });

  it("table, markdown and SARIF carry the account of every finding and the accounts that failed", async () => {
    const [table, markdown, sarif] = await Promise.all([
      // wide enough for the findings tables (at the default 80 columns they are stacked)
      runAudit(["--organization", "--now", NOW, "--format", "table", "--concurrency", "4"], {
        AWS_ENDPOINT_URL: fakeAws().url,
        COLUMNS: "200",
      }),
      org("--format", "markdown", "--concurrency", "4"),
      org("--format", "sarif", "--concurrency", "4"),
    ]);
    for (const r of [table, markdown, sarif]) assert.strictEqual(r.code, 1, r.stderr);
    const okMembers = MEMBERS.filter((m) => m !== NO_ROLE && m !== UNREADABLE);

    assert.match(table.stdout, new RegExp(`^Organization audit run from account ${MANAGEMENT_ID}`));
    for (const m of okMembers) {
      assert.match(
        table.stdout,
        new RegExp(`│ ${m}\\s+│ fail\\s+│ high\\s+│ iam-users-mfa-enabled\\s+│ dev-${m.slice(-4)}`),
        m,
      );
    }
    assert.match(
      table.stdout,
      new RegExp(
        `account ${NO_ROLE} \\(member-${NO_ROLE.slice(-4)}\\): could not be audited: could not assume role`,
      ),
    );
    assert.match(
      table.stdout,
      /\nSummary: 13 accounts: 11 audited \(0 passed\), 2 could not be audited; 11 failing \(11 high\), 0 not evaluated\n$/,
    );

    assert.match(markdown.stdout, /^## AWS organization audit\n/);
    assert.match(
      markdown.stdout,
      /\| Account \| Status \| Severity \| Policy \| Subject \| Message \| Controls \|/,
    );
    for (const m of okMembers)
      assert.match(
        markdown.stdout,
        new RegExp(`\\| \`${m}\` \\| fail \\| high \\| \\[\`iam-users-mfa-enabled\`\\]`),
        m,
      );
    assert.match(
      markdown.stdout,
      new RegExp(`### Accounts that could not be audited[\\s\\S]*\\| \`${NO_ROLE}\` \\|`),
    );

    const log = JSON.parse(sarif.stdout) as Log;
    assert.strictEqual(log.version, "2.1.0");
    assert.match(log.$schema ?? "", /sarif-2\.1\.0/);
    const run = log.runs[0];
    const ruleIds = (run.tool.driver.rules ?? []).map((r) => r.id);
    assert.strictEqual(run.results?.length, okMembers.length + 1, "the members and the management account");
    for (const res of run.results ?? []) {
      const account = (res.properties as { account: string }).account;
      assert.strictEqual(ruleIds[res.ruleIndex ?? -1], res.ruleId);
      assert.match(res.message.text ?? "", new RegExp(`^account ${account}: dev-${account.slice(-4)}:`));
      assert.match(
        res.locations?.[0].logicalLocations?.[0].fullyQualifiedName ?? "",
        new RegExp(`^arn:aws:iam::${account}:user/`),
      );
      assert.match(res.partialFingerprints?.["awsAccountBaselineFinding/v1"] ?? "", /^[0-9a-f]{64}$/);
    }
    const fingerprints = new Set(
      (run.results ?? []).map((x) => x.partialFingerprints?.["awsAccountBaselineFinding/v1"]),
    );
    assert.strictEqual(fingerprints.size, run.results?.length, "fingerprints differ across accounts");
    const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
    assert.strictEqual(run.invocations?.[0].executionSuccessful, false);
    assert.deepStrictEqual(
      notes
        .filter((n) => n.level === "error")
        .map((n) => /account (\d{12})/.exec(n.message.text ?? "")?.[1])
        .sort(),
      [NO_ROLE, UNREADABLE],
    );
  });

  it("organizations:ListAccounts denied: exit 2, one line, nothing on stdout", async () => {
    addOrganization(fakeAws(), {
      members: MEMBERS.slice(0, 2),
      management: { failAlways: { ListAccounts: errors.organizationsAccessDenied } },
    });
    const r = await org("--format", "json");
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, "");
    assert.deepStrictEqual(r.stderr.trimEnd().split("\n"), [
      "audit: cannot list the organization's accounts: organizations:ListAccounts was denied (AccessDeniedException); grant organizations:ListAccounts to the credentials running the check",
    ]);
  });

  it("a listing that breaks off after the first page: the listed accounts are audited, the output says so, exit 2", async () => {
    addOrganization(fakeAws(), {
      members: MEMBERS,
      pageSize: 5,
      failPage: { page: 1, error: errors.throttling },
    });
    const r = await org("--format", "json");
    assert.strictEqual(r.code, 2, r.stderr);
    const out = JSON.parse(r.stdout) as OrgJson & { error: string };
    assert.strictEqual(out.accounts.length, 5, "the first page's accounts");
    assert.match(
      out.error,
      /^cannot list the organization's accounts: organizations:ListAccounts was throttled/,
    );
    assert.deepStrictEqual(r.stderr.trimEnd().split("\n").length, 1);
    assert.match(r.stderr, /^audit: cannot list the organization's accounts/);
  });

  it("bad usage is one line on stderr and exit 2", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["--organization", "--concurrency", "0"],
        /--concurrency must be a whole number from 1 to 100; got "0"/,
      ],
      [
        ["--organization", "--concurrency", "101"],
        /--concurrency must be a whole number from 1 to 100; got "101"/,
      ],
      [["--organization", "--concurrency", "2.5"], /--concurrency must be a whole number/],
      [
        ["--organization", "--role-name", "audit/role"],
        /--role-name must be an IAM role name .*got "audit\/role"/,
      ],
      [["--organization", "--role-name", "x".repeat(65)], /--role-name must be an IAM role name/],
      [["--role-name", "Audit"], /--role-name and --concurrency apply only with --organization/],
      [["--concurrency", "4"], /--role-name and --concurrency apply only with --organization/],
      [
        ["--organization", "--credential-report", "examples/credential-report.csv"],
        /cannot be combined with --credential-report/,
      ],
    ];
    const runs = await Promise.all(
      cases.map(([args]) => runAudit(args, { AWS_ENDPOINT_URL: fakeAws().url })),
    );
    runs.forEach((r, i) => {
      assert.strictEqual(r.code, 2, `${cases[i][0].join(" ")}: ${r.stderr}`);
      assert.strictEqual(r.stdout, "");
      const lines = r.stderr.trimEnd().split("\n");
      assert.strictEqual(lines.length, 1, r.stderr);
      assert.match(lines[0], cases[i][1]);
    });
    assert.deepStrictEqual(fakeAws().assumeRoleRequests, [], "nothing was audited");
  });
  it("html: one page, a section per account (the unreadable ones say why), totals for all", async () => {
    const r = await org("--format", "html", "--concurrency", "4");
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(r.stdout, /^<!DOCTYPE html>/);
    assert.match(r.stdout, /<\/html>\n$/);
    const sections = r.stdout.match(/<section class="account" id="account-\d{12}"/g) ?? [];
    assert.strictEqual(sections.length, MEMBERS.length + 1);
    assert.match(
      r.stdout,
      new RegExp(
        `id="account-${NO_ROLE}"><h2>Account ${NO_ROLE}[^<]*<span class="failed">could not be audited`,
      ),
    );
    assert.match(r.stdout, /<th colspan="3">All 13 accounts \(2 could not be audited\)<\/th>/);
    assert.doesNotMatch(r.stdout, new RegExp(SUSPENDED));
  });
});
