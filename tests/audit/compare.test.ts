import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Log } from "sarif";
import { errors, FakeAccount, FakeAws } from "../support/fakeAws";
import { credentialReportCsv, UserSpec } from "../support/credentialReport";
import { compliantBase } from "../support/permissionScenarios";
import {
  ADMINISTRATOR_ACCESS,
  goodPermissions,
  PermissionsSpec,
  trustAccount,
} from "../support/permissionSpec";
import { useFakeAws } from "../support/useFakeAws";
import { assertUsageError, runAudit } from "./cliRunner";

const KEY = "AKIAIOSFODNN7COMPARE";
const ACCOUNT = "123456789012";
const FIRST = "2026-11-02T09:00:00Z";
const SECOND = "2026-11-30T09:00:00Z";

const alice: UserSpec = {
  name: "alice",
  createdAt: "2025-01-01T00:00:00+00:00",
  password: { lastChanged: "2026-10-01T00:00:00+00:00", lastUsed: "2026-11-01T00:00:00+00:00" },
  mfa: true,
};
const bob: UserSpec = {
  name: "bob",
  createdAt: "2025-02-01T00:00:00+00:00",
  password: { lastChanged: "2026-10-01T00:00:00+00:00", lastUsed: "2026-11-01T00:00:00+00:00" },
  mfa: true,
};
/** Signs in without MFA at the first date (iam-users-mfa-enabled fails); adds MFA by the second. */
const carol: UserSpec = {
  name: "carol",
  createdAt: "2025-03-01T00:00:00+00:00",
  password: { lastChanged: "2026-10-01T00:00:00+00:00", lastUsed: "2026-11-01T00:00:00+00:00" },
  mfa: false,
  keys: [{ active: true, lastRotated: "2026-10-15T00:00:00+00:00", lastUsed: "2026-11-01T00:00:00+00:00" }],
};
const dave: UserSpec = {
  name: "dave",
  createdAt: "2026-11-20T00:00:00+00:00",
  password: { lastChanged: "2026-11-20T00:00:00+00:00", lastUsed: "2026-11-29T00:00:00+00:00" },
  mfa: true,
};

/** The first date: alice in the MFA-enforcing Administrators group, a support role. */
const firstPermissions: PermissionsSpec = goodPermissions;
/** Four weeks later: dave joined the Administrators group; a deploy role (assumable without MFA) got AdministratorAccess. */
const secondPermissions: PermissionsSpec = {
  ...goodPermissions,
  users: { alice: { groups: ["Administrators"] }, dave: { groups: ["Administrators"] } },
  roles: {
    ...goodPermissions.roles,
    deploy: { attached: [ADMINISTRATOR_ACCESS], trust: trustAccount(false) },
  },
};
/** Four weeks later: bob left, dave joined, alice got an access key, carol set up MFA and deactivated her key. */
const secondUsers: UserSpec[] = [
  {
    ...alice,
    keys: [{ active: true, lastRotated: "2026-11-25T00:00:00+00:00", lastUsed: "2026-11-29T00:00:00+00:00" }],
  },
  { ...carol, mfa: true, keys: [{ ...carol.keys![0]!, active: false }] },
  dave,
];

const account = (
  users: UserSpec[],
  now: string,
  permissions: PermissionsSpec = firstPermissions,
  more: Partial<FakeAccount> = {},
): FakeAccount => ({
  ...compliantBase,
  users,
  permissions,
  now: new Date(now),
  ...more,
});

interface Changes {
  principals: { added: { kind: string; name: string }[]; removed: { kind: string; name: string }[] };
  groupMemberships: { added: { user: string; group: string }[]; removed: { user: string; group: string }[] };
  adminRights: { gained: { kind: string; name: string; via: string }[]; lost: unknown[] };
  credentials: {
    added: { user: string; credential: string; detail: string }[];
    removed: { user: string; credential: string; detail: string }[];
    changed: { user: string; detail: string; from: string; to: string }[];
  };
  findings: {
    new: { policy: string; subject: string }[];
    resolved: { policy: string; subject: string }[];
    notEvaluatedNow: unknown[];
  };
  notCompared: { part: string; reason: string }[];
}

describe("npm run audit -- --compare PREVIOUS.json (two dates against fakeAws)", function () {
  this.timeout(60_000);
  const fake = useFakeAws();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "audit-compare-"));
  const file = (name: string, text: string) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const env = () => ({ AWS_ENDPOINT_URL: fake().url, AWS_ACCESS_KEY_ID: KEY });
  let previous: string;

  before(async () => {
    fake().addAccount(KEY, account([alice, bob, carol], FIRST));
    const r = await runAudit(["--format", "json", "--now", FIRST], env());
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    previous = file("previous.json", r.stdout);
    fake().addAccount(KEY, account(secondUsers, SECOND, secondPermissions));
  });
  after(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("the JSON names every change and nothing else", async () => {
    const r = await runAudit(["--format", "json", "--now", SECOND, "--compare", previous], env());
    assert.strictEqual(r.stderr, "");
    const out = JSON.parse(r.stdout) as {
      formatVersion: number;
      changes: Changes;
      snapshot: { permissions: unknown };
    };
    assert.strictEqual(out.formatVersion, 1);
    // The compact form: names, members and admin routes, no policy documents.
    assert.deepStrictEqual(out.snapshot.permissions, {
      roles: ["Support", "AWSServiceRoleForSupport", "deploy"],
      groups: [{ name: "Administrators", members: ["alice", "dave"] }],
      admins: [
        { kind: "user", name: "alice", through: ["group Administrators (policy AdministratorAccess)"] },
        { kind: "user", name: "dave", through: ["group Administrators (policy AdministratorAccess)"] },
        { kind: "role", name: "deploy", through: ["policy AdministratorAccess"] },
      ],
    });
    const c = out.changes;
    assert.deepStrictEqual(c.principals, {
      added: [
        { kind: "user", name: "dave", createdAt: "2026-11-20T00:00:00.000Z" },
        { kind: "role", name: "deploy" },
      ],
      removed: [{ kind: "user", name: "bob", createdAt: "2025-02-01T00:00:00.000Z" }],
    });
    assert.deepStrictEqual(
      c.credentials.added.map((x) => `${x.user} ${x.credential} ${x.detail}`),
      [
        "alice access-key access key 1 (created 2026-11-25T00:00:00.000Z, active)",
        "carol mfa MFA device",
        "dave password console password (set 2026-11-20T00:00:00.000Z)",
        "dave mfa MFA device",
      ],
    );
    assert.deepStrictEqual(
      c.credentials.removed.map((x) => `${x.user} ${x.credential}`),
      ["bob password", "bob mfa"],
    );
    assert.deepStrictEqual(
      c.credentials.changed.map((x) => `${x.user} ${x.detail}: ${x.from} -> ${x.to}`),
      ["carol access key 1 (created 2026-10-15T00:00:00.000Z, inactive): active -> inactive"],
    );
    assert.deepStrictEqual(c.groupMemberships, {
      added: [{ user: "dave", group: "Administrators" }],
      removed: [],
    });
    assert.deepStrictEqual(c.adminRights, {
      gained: [
        { kind: "user", name: "dave", via: "group Administrators (policy AdministratorAccess)" },
        { kind: "role", name: "deploy", via: "policy AdministratorAccess" },
      ],
      lost: [],
    });
    assert.deepStrictEqual(
      c.findings.new.map((f) => `${f.policy} ${f.subject}`),
      ["admin-access-requires-mfa deploy"],
    );
    assert.deepStrictEqual(
      c.findings.resolved.map((f) => `${f.policy} ${f.subject}`),
      ["iam-users-mfa-enabled carol"],
    );
    assert.deepStrictEqual(c.findings.notEvaluatedNow, []);
    assert.deepStrictEqual(c.notCompared, []);
  });

  it("an unchanged account gives empty changes", async () => {
    const again = await runAudit(["--format", "json", "--now", SECOND], env());
    const same = file("same.json", again.stdout);
    const r = await runAudit(["--format", "json", "--now", SECOND, "--compare", same], env());
    const { changes } = JSON.parse(r.stdout) as { changes: Record<string, unknown> };
    assert.deepStrictEqual(changes, {
      account: ACCOUNT,
      previousAuditedAt: "2026-11-30T09:00:00.000Z",
      principals: { added: [], removed: [] },
      credentials: { added: [], removed: [], changed: [] },
      groupMemberships: { added: [], removed: [] },
      adminRights: { gained: [], lost: [] },
      findings: { new: [], resolved: [], notEvaluatedNow: [] },
      notCompared: [],
    });
    const table = await runAudit(["--now", SECOND, "--compare", same], env());
    assert.match(
      table.stdout,
      /Changes since the audit of 2026-11-30T09:00:00.000Z:\n {2}No changes\.\n\nSummary: [^\n]*\n$/,
    );
  });

  it("the table, Markdown and HTML have a changes section; SARIF marks results new/unchanged and the resolved one absent", async () => {
    const table = await runAudit(["--now", SECOND, "--compare", previous], env());
    assert.match(
      table.stdout,
      /Changes since the audit of 2026-11-02T09:00:00.000Z:\n {2}Principals added:\n {4}- user dave/,
    );
    assert.match(table.stdout, /Findings resolved:\n {4}- iam-users-mfa-enabled carol/);
    const md = await runAudit(["--format", "markdown", "--now", SECOND, "--compare", previous], env());
    assert.match(
      md.stdout,
      /### Changes since the audit of 2026-11-02T09:00:00.000Z\n\n\*\*Principals added\*\*\n\n- user dave/,
    );
    assert.match(
      md.stdout,
      /\*\*Admin rights gained\*\*\n\n- user dave via group Administrators \(policy AdministratorAccess\)\n- role deploy via policy AdministratorAccess\n/,
    );
    const html = await runAudit(["--format", "html", "--now", SECOND, "--compare", previous], env());
    assert.match(
      html.stdout,
      /<tr><th>Admin rights gained<\/th><td><ul><li>user dave via group Administrators \(policy AdministratorAccess\)<\/li><li>role deploy via policy AdministratorAccess<\/li><\/ul>/,
    );
    assert.match(
      html.stdout,
      /<tr><th>Credentials changed<\/th><td><ul><li>carol: access key 1 [^<]*: was active, now inactive/,
    );
    const sarif = await runAudit(["--format", "sarif", "--now", SECOND, "--compare", previous], env());
    const results = (JSON.parse(sarif.stdout) as Log).runs[0].results ?? [];
    const absent = results.filter((x) => x.baselineState === "absent");
    assert.deepStrictEqual(
      absent.map((x) => [x.ruleId, x.properties?.resolution]),
      [["iam-users-mfa-enabled", "resolved"]],
    );
    assert.ok(
      results.every((x) => x.baselineState !== undefined),
      "every result has a baselineState",
    );
  });

  it("a finding that appears is new (in JSON and SARIF)", async () => {
    // A day later than SECOND + 45: dave's key has not been used for 45 days.
    const later = "2027-01-20T09:00:00Z";
    const r = await runAudit(["--format", "sarif", "--now", later, "--compare", previous], env());
    const results = (JSON.parse(r.stdout) as Log).runs[0].results ?? [];
    const isNew = results.filter((x) => x.baselineState === "new").map((x) => x.ruleId);
    assert.ok(isNew.includes("unused-credentials-disabled"), isNew.join(","));
    assert.ok(
      !results.some((x) => x.baselineState === "unchanged" && x.ruleId === "unused-credentials-disabled"),
    );
  });

  it("permissions unreadable now: roles, groups and admin rights are not compared, never all removed", async () => {
    const other = await FakeAws.start();
    try {
      other.addAccount(
        KEY,
        account(secondUsers, SECOND, secondPermissions, {
          failAlways: {
            GetAccountAuthorizationDetails: errors.accessDenied("GetAccountAuthorizationDetails"),
          },
        }),
      );
      const r = await runAudit(["--format", "json", "--now", SECOND, "--compare", previous], {
        AWS_ENDPOINT_URL: other.url,
        AWS_ACCESS_KEY_ID: KEY,
      });
      const c = (JSON.parse(r.stdout) as { changes: Changes }).changes;
      assert.deepStrictEqual(
        c.notCompared.map((n) => n.part),
        ["roles, groups and admin rights"],
      );
      assert.match(
        c.notCompared[0].reason,
        /^this audit could not read them: .*GetAccountAuthorizationDetails/,
      );
      assert.deepStrictEqual(
        [...c.principals.added, ...c.principals.removed].map((p) => `${p.kind} ${p.name}`),
        ["user dave", "user bob"],
      );
      assert.deepStrictEqual(
        [c.adminRights, c.groupMemberships],
        [
          { gained: [], lost: [] },
          { added: [], removed: [] },
        ],
      );
    } finally {
      await other.stop();
    }
  });

  it("a credential report file has no permissions snapshot: that part is not compared", async () => {
    const csv = file("report.csv", credentialReportCsv(ACCOUNT, { mfa: true }, secondUsers));
    const r = await runAudit([
      "--format",
      "json",
      "--now",
      SECOND,
      "--credential-report",
      csv,
      "--compare",
      previous,
    ]);
    const c = (JSON.parse(r.stdout) as { changes: Changes }).changes;
    assert.deepStrictEqual(
      c.notCompared.map((n) => [n.part, n.reason]),
      [
        [
          "roles, groups and admin rights",
          "this audit could not read them: a credential report file does not contain who holds which policies; run against the account (iam:GetAccountAuthorizationDetails) to check it",
        ],
      ],
    );
    assert.deepStrictEqual(
      c.principals.removed.map((p) => `${p.kind} ${p.name}`),
      ["user bob"],
    );
  });

  it("a wrong PREVIOUS is one line on stderr, exit 2, before AWS is read: missing, unreadable, not JSON, other JSON, old shape, other account, newer version, an organization's, a device that never ends", async function () {
    this.timeout(240_000);
    const prev = JSON.parse(fs.readFileSync(previous, "utf8")) as Record<string, unknown>;
    const loop = path.join(tmp, "loop.json");
    fs.symlinkSync(loop, loop);
    const cases: [string, RegExp][] = [
      [path.join(tmp, "missing.json"), /--compare .*missing\.json does not exist/],
      [file("text.json", "not json at all"), /is not JSON/],
      [file("other.json", '{"a": 1}'), /is JSON but not an audit's --format json output/],
      [
        file("old.json", JSON.stringify({ ...prev, formatVersion: undefined, snapshot: undefined })),
        /was written by an earlier version of the audit, without formatVersion/,
      ],
      [
        file("newer.json", JSON.stringify({ ...prev, formatVersion: 2 })),
        /has formatVersion 2; this audit reads formatVersion 1 only/,
      ],
      [
        file("otheraccount.json", JSON.stringify({ ...prev, account: "999999999999" })),
        /is an audit of account 999999999999; this audit is of account 123456789012/,
      ],
      [
        file("broken.json", JSON.stringify({ ...prev, snapshot: { users: [{ name: 3 }] } })),
        /snapshot\.users\[0\]\.name must be a string; got 3/,
      ],
      [tmp, /is a directory/],
      [loop, /--compare .*loop\.json cannot be read \(ELOOP\)/],
      // A device that never ends: counted as it is read, stopped at the bound (not read until memory runs out).
      ["/dev/zero", /--compare \/dev\/zero is larger than 512 MiB/],
      [
        file(
          "organization.json",
          JSON.stringify({ ...prev, organization: true, findings: [], accounts: [] }),
        ),
        /is an organization audit; compare it with --organization/,
      ],
    ];
    for (const [f, message] of cases) {
      const before = fake().total(KEY);
      assertUsageError(await runAudit(["--format", "json", "--now", SECOND, "--compare", f], env()), message);
      // Rejected before AWS is read, except the account check, which needs the account's id.
      if (!/otheraccount/.test(f)) assert.strictEqual(fake().total(KEY), before, `${f}: AWS was read`);
    }
  });
});
