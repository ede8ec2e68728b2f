import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Log } from "sarif";
import { accountPolicyNames } from "../../policy-pack/controls";
import { credentialReportCsv, generatedUsers } from "../support/credentialReport";
import { useFakeAws } from "../support/useFakeAws";
import { assertUsageError, repo, runAudit } from "./cliRunner";

const EXAMPLE = "examples/credential-report.csv";
const NOW = "2026-11-20T12:00:00Z";

interface Json {
  account: string | null;
  source: string;
  reportGeneratedAt: string | null;
  findings: {
    policy: string;
    status: string;
    severity: string;
    subject: string;
    message: string;
    controls: string[];
  }[];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "audit-test-"));
const write = (name: string, text: string): string => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};

/** The example report as JSON at `now`, with more arguments. */
const exampleJson = (now: string, ...more: string[]) =>
  runAudit(["--credential-report", EXAMPLE, "--format", "json", "--now", now, ...more]);

describe("npm run audit (the CLI)", function () {
  this.timeout(60_000);
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("--format json on the example report: docs/contracts.md's object, one finding per (policy, subject), exit 1", async () => {
    const r = await exampleJson(NOW);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(r.stderr, "");
    const out = JSON.parse(r.stdout) as Json;
    assert.deepStrictEqual(Object.keys(out), [
      "formatVersion",
      "account",
      "source",
      "reportGeneratedAt",
      "auditedAt",
      "findings",
      "snapshot",
    ]);
    assert.deepStrictEqual(
      [out.account, out.source, out.reportGeneratedAt],
      ["123456789012", "credential-report", null],
    );
    assert.deepStrictEqual(
      out.findings.filter((f) => f.status === "fail").map((f) => `${f.policy} ${f.subject}`),
      [
        "root-access-keys-absent <root_account>",
        "root-not-recently-used <root_account>",
        "iam-users-mfa-enabled bob",
        "iam-users-mfa-enabled heidi",
        "access-keys-rotated bob",
        "access-keys-rotated erin",
        "unused-credentials-disabled carol",
        "unused-credentials-disabled ci-deploy",
        "unused-credentials-disabled grace",
        "unused-credentials-disabled heidi",
        "single-active-access-key ci-deploy",
      ],
    );
    assert.deepStrictEqual(
      out.findings.filter((f) => f.status === "not-evaluated").map((f) => f.policy),
      [
        "root-hardware-mfa",
        "security-contact-registered",
        "admin-access-requires-mfa",
        "user-policies-via-groups-only",
        "no-custom-full-admin-policies",
        "cloudshell-full-access-restricted",
        "no-expired-server-certificates",
        "support-role-exists",
        "access-analyzer-enabled",
        "centralized-root-access-enabled",
        "password-policy-minimum-length",
        "password-policy-reuse-prevention",
        "password-policy-character-classes",
        "password-policy-max-age",
        "alternate-contacts-complete",
      ],
    );
    const bob = out.findings.find((f) => f.policy === "access-keys-rotated" && f.subject === "bob");
    assert.deepStrictEqual(bob, {
      policy: "access-keys-rotated",
      status: "fail",
      severity: "medium",
      subject: "bob",
      message: "bob: access key 1 last rotated 400 days ago; at most 90 allowed",
      controls: ["CIS 1.13 (v3 1.14)", "Security Hub IAM.3"],
    });
    for (const f of out.findings)
      assert.deepStrictEqual(Object.keys(f), [
        "policy",
        "status",
        "severity",
        "subject",
        "message",
        "controls",
      ]);
  });

  it("--now fixes the clock: a day later erin's password (44 days) turns 45 and fails", async () => {
    const later = await exampleJson("2026-11-21T12:00:00Z");
    const subjects = (JSON.parse(later.stdout) as Json).findings
      .filter((f) => f.policy === "unused-credentials-disabled")
      .map((f) => f.subject);
    assert.ok(subjects.includes("erin"), subjects.join(","));
    const rootLater = (JSON.parse(later.stdout) as Json).findings.filter(
      (f) => f.policy === "root-not-recently-used",
    );
    assert.deepStrictEqual(rootLater, []);
  });

  it("exit 0 for a clean report, with not-evaluated findings only", async () => {
    const clean = write(
      "clean.csv",
      credentialReportCsv("123456789012", { passwordLastUsed: "2026-01-01T00:00:00+00:00" }, [
        {
          name: "alice",
          createdAt: "2024-01-01T00:00:00+00:00",
          mfa: true,
          password: { lastUsed: "2026-11-19T00:00:00+00:00", lastChanged: "2026-10-01T00:00:00+00:00" },
        },
      ]),
    );
    const r = await runAudit(["--credential-report", clean, "--format", "json", "--now", NOW]);
    assert.strictEqual(r.code, 0, r.stdout);
    assert.ok((JSON.parse(r.stdout) as Json).findings.every((f) => f.status === "not-evaluated"));
  });

  it("--config (the --policy-pack-config format) changes thresholds and disables policies", async () => {
    const config = write(
      "config.json",
      JSON.stringify({
        all: "mandatory",
        "access-keys-rotated": { enforcementLevel: "advisory", maximumKeyAgeDays: 400 },
        "unused-credentials-disabled": "disabled",
        "password-policy-minimum-length": { minimumLength: 12 },
      }),
    );
    const r = await exampleJson(NOW, "--config", config);
    const out = JSON.parse(r.stdout) as Json;
    assert.deepStrictEqual(
      out.findings.filter((f) => f.policy === "access-keys-rotated"),
      [],
    );
    assert.deepStrictEqual(
      out.findings.filter((f) => f.policy === "unused-credentials-disabled"),
      [],
    );
    const r401 = await exampleJson("2026-11-21T12:00:00Z", "--config", config);
    assert.deepStrictEqual(
      (JSON.parse(r401.stdout) as Json).findings
        .filter((f) => f.policy === "access-keys-rotated")
        .map((f) => f.message),
      ["bob: access key 1 last rotated 401 days ago; at most 400 allowed"],
    );
  });

  it("--now without an offset is UTC, whatever the machine's time zone (TZ=America/New_York here)", async () => {
    // alice last signed in 44 days 22 hours before 2026-06-30T12:00Z: 44 days, within the 45
    // allowed. Read as New York's noon (16:00Z) it would be 45 days 2 hours, and fail.
    const report = write(
      "tz.csv",
      credentialReportCsv("123456789012", { passwordLastUsed: "2026-01-01T00:00:00+00:00" }, [
        {
          name: "alice",
          createdAt: "2024-01-01T00:00:00+00:00",
          mfa: true,
          password: { lastUsed: "2026-05-16T14:00:00+00:00", lastChanged: "2026-05-01T00:00:00+00:00" },
        },
      ]),
    );
    const at = (now: string) =>
      runAudit(["--credential-report", report, "--format", "json", "--now", now], {
        TZ: "America/New_York",
      });
    const [offsetLess, utc] = await Promise.all([at("2026-06-30T12:00:00"), at("2026-06-30T12:00:00Z")]);
    assert.strictEqual(utc.code, 0, utc.stdout);
    assert.strictEqual(offsetLess.code, 0, offsetLess.stdout);
    assert.strictEqual(offsetLess.stdout, utc.stdout);
    const lateNewYork = await at("2026-06-30T12:00:00-04:00");
    assert.strictEqual(lateNewYork.code, 1, "an explicit offset is still honoured");
  });

  it("--help says an offset-less --now is UTC", async () => {
    const r = await runAudit(["--help"]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout.replace(/\s+/g, " "), /--now <iso-8601>.*without an offset is UTC/);
  });

  it("resolves relative paths against INIT_CWD (npm run changes the working directory)", async () => {
    fs.copyFileSync(path.join(repo, EXAMPLE), path.join(tmp, "copy.csv"));
    const r = await runAudit(["--credential-report", "copy.csv", "--format", "json", "--now", NOW], {
      INIT_CWD: tmp,
    });
    assert.strictEqual(r.code, 1, r.stderr);
  });

  describe("formats", () => {
    it("table (the default): a summary line and one row per finding", async () => {
      // piped: no colour, and as wide as COLUMNS (tests/audit/table/ has the widths and colours)
      const r = await runAudit(["--credential-report", EXAMPLE, "--now", NOW], {
        COLUMNS: "200",
        NO_COLOR: "",
        FORCE_COLOR: "",
      });
      assert.strictEqual(r.code, 1);
      assert.match(
        r.stdout,
        /^account 123456789012, credential report examples\/credential-report\.csv: 11 failing, 15 not evaluated\n/,
      );
      assert.match(
        r.stdout,
        /│ fail +│ medium +│ access-keys-rotated +│ bob +│ bob: access key 1 last rotated 400 days ago; at most 90 allowed/,
      );
      assert.ok(!r.stdout.includes("\u001b["), "no colour codes");
    });

    it("markdown: a table with escaped cells and links to the AWS steps", async () => {
      const r = await runAudit(["--credential-report", EXAMPLE, "--now", NOW, "--format", "markdown"]);
      assert.match(r.stdout, /^## AWS account audit\n/);
      assert.ok(
        r.stdout.includes("| &lt;root_account&gt;: access key 1 (active) is present;"),
        "no raw HTML-like tag in text",
      );
      assert.match(
        r.stdout,
        /\| fail \| critical \| \[`root-access-keys-absent`\]\(https:\/\/docs\.aws\.amazon\.com\/IAM\/[^)]+\) \| `<root_account>` \|/,
      );
      assert.strictEqual(
        r.stdout.split("\n").filter((l) => l.startsWith("| fail") || l.startsWith("| not-evaluated")).length,
        26,
      );
    });

    it("sarif: 2.1.0 as code scanning takes it: rules match results, locations, fingerprints", async () => {
      const r = await runAudit(["--credential-report", EXAMPLE, "--now", NOW, "--format", "sarif"]);
      assert.strictEqual(r.code, 1);
      const log = JSON.parse(r.stdout) as Log;
      assert.strictEqual(log.version, "2.1.0");
      assert.strictEqual(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
      assert.strictEqual(log.runs.length, 1);
      const run = log.runs[0];
      const rules = run.tool.driver.rules ?? [];
      const ids = rules.map((x) => x.id);
      assert.strictEqual(new Set(ids).size, ids.length);
      for (const x of rules) {
        assert.match(x.helpUri ?? "", /^https:\/\//);
        assert.match(String(x.properties?.["security-severity"]), /^\d+\.\d$/);
        assert.ok(x.shortDescription?.text);
      }
      const results = run.results ?? [];
      assert.strictEqual(results.length, 11);
      for (const res of results) {
        assert.ok(ids.includes(res.ruleId ?? ""), res.ruleId);
        assert.strictEqual(ids[res.ruleIndex ?? -1], res.ruleId);
        assert.ok(["error", "warning", "note"].includes(res.level ?? ""));
        assert.ok(res.message.text);
        const loc = res.locations?.[0];
        assert.strictEqual(loc?.physicalLocation?.artifactLocation?.uri, EXAMPLE);
        assert.ok((loc?.physicalLocation?.region?.startLine ?? 0) >= 2);
        assert.ok(loc?.logicalLocations?.[0]?.name);
        assert.match(Object.values(res.partialFingerprints ?? {})[0] ?? "", /^[0-9a-f]{64}$/);
      }
      const bob = results.find(
        (x) => x.ruleId === "access-keys-rotated" && x.message.text?.startsWith("bob"),
      );
      assert.strictEqual(bob?.locations?.[0].physicalLocation?.region?.startLine, 4);
      const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
      assert.strictEqual(notes.length, 15);
    });
  });

  describe("bad input: exit 2 and one line on stderr", () => {
    it("a missing file", async () => {
      assertUsageError(
        await runAudit(["--credential-report", "no-such.csv"]),
        /^audit: credential report no-such\.csv does not exist$/,
      );
    });

    it("a report missing columns", async () => {
      const bad = write("bad.csv", "user,arn,mfa_active\nbob,x,true\n");
      assertUsageError(
        await runAudit(["--credential-report", bad]),
        /missing required columns: user_creation_time, password_enabled/,
      );
    });

    it("a malformed value", async () => {
      const text = fs
        .readFileSync(path.join(repo, EXAMPLE), "utf8")
        .replace("2025-10-16T12:00:00+00:00", "soon");
      const bad = write("value.csv", text);
      assertUsageError(
        await runAudit(["--credential-report", bad]),
        /line 4, column access_key_1_last_rotated: expected an ISO 8601 time/,
      );
    });

    it("a bad --now, --format or option", async () => {
      assertUsageError(
        await runAudit(["--credential-report", EXAMPLE, "--now", "yesterday"]),
        /^audit: --now must be an ISO 8601 time/,
      );
      for (const day of ["2026-02-30", "2026-02-30T12:00:00Z", "2026-04-31T00:00:00"]) {
        assertUsageError(
          await runAudit(["--credential-report", EXAMPLE, "--now", day]),
          /^audit: --now must be an ISO 8601 time .* on a day that exists/,
        );
      }
      assertUsageError(
        await runAudit(["--format", "xml"]),
        /argument 'xml' is invalid. Allowed choices are table, json, markdown, sarif/,
      );
      assertUsageError(await runAudit(["--verbose"]), /unknown option '--verbose'/);
    });

    it("a bad config file", async () => {
      const cases: [string, RegExp][] = [
        ["{", /not valid JSON/],
        [
          '{"no-such-policy": "advisory"}',
          /"no-such-policy" is not a policy of this pack; the policies are /,
        ],
        [
          '{"access-keys-rotate": "advisory"}',
          /"access-keys-rotate" is not a policy of this pack \(did you mean "access-keys-rotated"\?\)/,
        ],
        [
          '{"access-keys-rotated": {"maximumKeyAgeDay": 60}}',
          /access-keys-rotated: maximumKeyAgeDay is not a setting of this policy; allowed: .*maximumKeyAgeDays/,
        ],
        [
          '{"access-keys-rotated": {"maximumKeyAgeDays": 0}}',
          /access-keys-rotated: maximumKeyAgeDays must be at least 1, got 0/,
        ],
        [
          '{"access-keys-rotated": {"maximumKeyAgeDays": "90"}}',
          /maximumKeyAgeDays must be integer, got "90"/,
        ],
        [
          '{"access-keys-rotated": {"maxAge": 9}}',
          /access-keys-rotated: maxAge is not a setting of this policy; allowed: /,
        ],
        [
          '{"all": "sometimes"}',
          /"all": "sometimes" is not a valid enforcement level \(advisory, mandatory, remediate, disabled\)/,
        ],
      ];
      for (const [text, message] of cases) {
        const file = write("c.json", text);
        assertUsageError(await runAudit(["--credential-report", EXAMPLE, "--config", file]), message);
      }
    });

    it("no AWS credentials and no report: the cause, not a stack trace", async () => {
      const r = await runAudit([], {
        AWS_ACCESS_KEY_ID: "",
        AWS_SECRET_ACCESS_KEY: "",
        AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, "none"),
        AWS_CONFIG_FILE: path.join(tmp, "none"),
      });
      assertUsageError(r, /^audit: cannot read the account: no AWS credentials were found/);
    });
  });

  describe("against the account (fakeAws as the AWS endpoint)", () => {
    const fakeAws = useFakeAws();

    it("a report without the <root_account> row (as moto's): users judged, root from the summary, one warning", async () => {
      const now = new Date(NOW);
      fakeAws().addAccount("AKIAIOSFODNN7EXAMPL2", {
        accountId: "210987654321",
        reportWithoutRoot: true,
        users: [
          {
            name: "dave",
            createdAt: "2026-01-01T00:00:00+00:00",
            password: { lastChanged: "2026-01-01T00:00:00+00:00" },
          },
        ],
        summary: { AccountAccessKeysPresent: 1, AccountMFAEnabled: 1, AccountPasswordPresent: 1 },
        passwordPolicy: null,
        contacts: ["BILLING", "OPERATIONS", "SECURITY"],
        now,
      });
      const r = await runAudit(["--format", "json", "--now", NOW], {
        AWS_ENDPOINT_URL: fakeAws().url,
        AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPL2",
      });
      assert.strictEqual(r.code, 1, r.stderr);
      assert.match(
        r.stderr,
        /^audit: warning: the account's credential report has no <root_account> row \(filtered or truncated\?\); the users are audited, the root checks that need that row are not evaluated\n$/,
      );
      const out = JSON.parse(r.stdout) as Json;
      const of = (p: string) =>
        out.findings.filter((f) => f.policy === p).map((f) => `${f.status} ${f.subject}`);
      assert.deepStrictEqual(of("root-access-keys-absent"), ["fail <root_account>"]);
      assert.deepStrictEqual(of("root-mfa-enabled"), []);
      assert.deepStrictEqual(of("root-not-recently-used"), ["not-evaluated <root_account>"]);
      assert.deepStrictEqual(of("iam-users-mfa-enabled"), ["fail dave"]);
      assert.deepStrictEqual(of("unused-credentials-disabled"), ["fail dave"]);
    });

    it("audits the live account: root via GetAccountSummary, password policy, contacts", async () => {
      const now = new Date(NOW);
      fakeAws().addAccount("AKIAIOSFODNN7EXAMPLE", {
        accountId: "123456789012",
        users: generatedUsers(3, now),
        summary: { AccountAccessKeysPresent: 0, AccountMFAEnabled: 0, AccountPasswordPresent: 0 },
        root: { mfa: false, keys: [{ active: true, lastRotated: "2020-01-01T00:00:00+00:00" }] },
        rootVirtualMfa: [],
        passwordPolicy: null,
        contacts: ["BILLING", "OPERATIONS"],
        now,
      });
      const r = await runAudit(["--format", "json", "--now", NOW], { AWS_ENDPOINT_URL: fakeAws().url });
      assert.strictEqual(r.code, 1, r.stderr);
      assert.strictEqual(r.stderr, "");
      const out = JSON.parse(r.stdout) as Json;
      assert.deepStrictEqual(
        [out.account, out.source, out.reportGeneratedAt],
        ["123456789012", "aws", "2026-11-20T12:00:00.000Z"],
      );
      const fails = out.findings.filter((f) => f.status === "fail").map((f) => f.policy);
      for (const p of [
        "root-access-keys-absent",
        "security-contact-registered",
        "password-policy-minimum-length",
        "password-policy-max-age",
      ]) {
        assert.ok(fails.includes(p), `${p} in ${fails.join(",")}`);
      }
      assert.deepStrictEqual(
        out.findings.filter((f) => f.status === "not-evaluated"),
        [],
      );
      assert.ok(
        accountPolicyNames.every(
          (p) => !out.findings.some((f) => f.policy === p && f.message.includes("credential report file")),
        ),
      );
    });
  });
});
