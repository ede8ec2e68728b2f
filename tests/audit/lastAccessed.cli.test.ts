/**
 * `npm run audit -- --last-accessed [DAYS]` as a process against fakeAws: one finding per
 * principal with unused services, not-evaluated (never a crash, never a finding) when the
 * endpoint refuses the jobs, and the usage errors.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { errors, FakeAccount } from "../support/fakeAws";
import { useFakeAws } from "../support/useFakeAws";
import { PrincipalJobSpec } from "../support/fakeAwsLastAccessed";
import {
  awsPolicy,
  customerPolicy,
  mfaAdminGroup,
  PermissionsSpec,
  readOnly,
  trustAccount,
  trustService,
} from "../support/permissionSpec";
import { assertUsageError, runAudit } from "./cliRunner";

const KEY = "AKIAIOSFODNN7EXAMPLE";
const ID = "123456789012";
const NOW = "2026-11-20T12:00:00Z";
const arn = (path: string) => `arn:aws:iam::${ID}:${path}`;

interface Json {
  findings: { policy: string; status: string; subject: string; message: string; severity: string }[];
}

const recent = "2026-11-10T00:00:00Z";
const principals: Record<string, PrincipalJobSpec> = {
  [arn("role/deploy")]: {
    services: [
      { namespace: "s3", lastAuthenticated: recent },
      { namespace: "ec2", lastAuthenticated: "2026-06-01T00:00:00Z" },
      { namespace: "lambda" },
    ],
    pollsBeforeComplete: 1,
  },
  [arn("group/Administrators")]: { services: [{ namespace: "iam", lastAuthenticated: recent, entities: 3 }] },
  [arn("user/alice")]: { services: [{ namespace: "sqs" }] },
  [arn("user/bob")]: { services: [{ namespace: "sns" }] },
  [arn("role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport")]: {
    services: [{ namespace: "support" }],
  },
};

/** Who has which policies: the authorization snapshot the audit reads names the principals. */
const permissions: PermissionsSpec = {
  users: {
    alice: { inline: { queue: readOnly("sqs:SendMessage") } },
    // Only through his group: the group is reviewed, not bob.
    bob: { groups: ["Administrators"] },
  },
  groups: { Administrators: mfaAdminGroup },
  roles: {
    deploy: { attached: [customerPolicy("deploy-s3")], trust: trustAccount() },
    AWSServiceRoleForSupport: {
      attached: [awsPolicy("AWSSupportServiceRolePolicy")],
      trust: trustService("support.amazonaws.com"),
      path: "/aws-service-role/support.amazonaws.com/",
    },
  },
  policies: { "deploy-s3": readOnly("s3:PutObject") },
  organizationsFeatures: "no-organization",
};

const account = (extra: Partial<FakeAccount> = {}): FakeAccount => ({
  accountId: ID,
  permissions,
  summary: { AccountAccessKeysPresent: 0, AccountMFAEnabled: 1, AccountPasswordPresent: 1 },
  contacts: ["BILLING", "OPERATIONS", "SECURITY"],
  now: new Date(NOW),
  lastAccessed: { principals },
  ...extra,
});

const unused = (out: Json) => out.findings.filter((f) => f.policy === "unused-service-permissions");

describe("npm run audit -- --last-accessed", function () {
  this.timeout(60_000);
  const fakeAws = useFakeAws();
  const audit = (...args: string[]) =>
    runAudit(["--format", "json", "--now", NOW, ...args], { AWS_ENDPOINT_URL: fakeAws().url });

  it("DAYS given: a finding per principal with a policy of its own that left services unused", async () => {
    fakeAws().addAccount(KEY, account());
    const r = await audit("--last-accessed", "30");
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(r.stderr, "");
    assert.deepStrictEqual(
      unused(JSON.parse(r.stdout) as Json).map((f) => [f.status, f.severity, f.subject, f.message]),
      [
        [
          "fail",
          "low",
          "deploy",
          "role deploy: 2 of 3 services its policies allow were not used in the last 30 days (last used before the window: ec2 (2026-06-01); never used: lambda); remove them from its policies",
        ],
        [
          "fail",
          "low",
          "alice",
          "user alice: 1 of 1 service its policies allow was not used in the last 30 days (never used: sqs); remove it from its policies",
        ],
      ],
    );
    const c = fakeAws().counts(KEY);
    // group, role deploy, user alice: bob has no policy of his own, the service-linked role is AWS's.
    assert.strictEqual(c.GenerateServiceLastAccessedDetails, 3);
    assert.strictEqual(c.GetServiceLastAccessedDetails, 4);
    // The principals came from the one snapshot the account checks read: nothing was listed.
    assert.strictEqual(c.GetAccountAuthorizationDetails, 1);
    assert.deepStrictEqual(
      Object.keys(c).filter((a) => /^List(Users|Groups|Roles|(Attached)?(User|Group|Role)Policies)$/.test(a)),
      [],
    );
  });

  it("no DAYS: 90 days, so ec2 used 172 days ago is still unused and s3 used 10 days ago is not", async () => {
    fakeAws().addAccount(KEY, account());
    const r = await audit("--last-accessed");
    const deploy = unused(JSON.parse(r.stdout) as Json).find((f) => f.subject === "deploy");
    assert.match(deploy?.message ?? "", /2 of 3 services .* in the last 90 days/);
  });

  it("--config's unusedDays is the window when DAYS is not given (the pack's config file, shared)", async () => {
    fakeAws().addAccount(KEY, account());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "last-accessed-"));
    const file = path.join(dir, "policy-config.json");
    fs.writeFileSync(
      file,
      JSON.stringify({ "unused-service-permissions": { unusedDays: 5, concurrency: 2 } }),
    );
    const r = await audit("--config", file, "--last-accessed");
    const deploy = unused(JSON.parse(r.stdout) as Json).find((f) => f.subject === "deploy");
    // s3, used 10 days ago, is unused within 5 days.
    assert.match(deploy?.message ?? "", /^role deploy: 3 of 3 services .* in the last 5 days/);
  });

  it("without the flag no last-accessed call is made", async () => {
    fakeAws().addAccount(KEY, account());
    const r = await audit();
    assert.deepStrictEqual(unused(JSON.parse(r.stdout) as Json), []);
    assert.strictEqual(fakeAws().counts(KEY).GenerateServiceLastAccessedDetails, undefined);
  });

  const refusals = [
    {
      what: "the authorization snapshot cannot be read: one not-evaluated naming why, and no job is started",
      action: "GetAccountAuthorizationDetails",
      message:
        "the principals to review come from the account's authorization snapshot, which could not be read: iam:GetAccountAuthorizationDetails was denied (AccessDenied); grant iam:GetAccountAuthorizationDetails to the credentials running the check",
    },
    {
      what: "an endpoint that refuses the jobs: one not-evaluated naming the permission",
      action: "GenerateServiceLastAccessedDetails",
      message:
        "iam:GenerateServiceLastAccessedDetails was denied (AccessDenied); grant iam:GenerateServiceLastAccessedDetails to the credentials running the check",
    },
  ];
  for (const { what, action, message } of refusals) {
    it(`${what}; the other checks still run`, async () => {
      fakeAws().addAccount(KEY, account({ failAlways: { [action]: errors.accessDenied(action) } }));
      const r = await audit("--last-accessed");
      assert.strictEqual(r.code, 1, r.stderr);
      const out = JSON.parse(r.stdout) as Json;
      assert.deepStrictEqual(
        unused(out).map((f) => [f.status, f.subject, f.message]),
        [["not-evaluated", "<account>", message]],
      );
      assert.ok(
        out.findings.some((f) => f.policy === "password-policy-minimum-length" && f.status === "fail"),
        "the account checks still ran",
      );
      if (action === "GetAccountAuthorizationDetails") {
        assert.strictEqual(fakeAws().counts(KEY).GenerateServiceLastAccessedDetails, undefined);
      }
    });
  }

  it("SARIF: the rule carries its help link", async () => {
    fakeAws().addAccount(KEY, account());
    const sarif = await runAudit(["--format", "sarif", "--now", NOW, "--last-accessed"], {
      AWS_ENDPOINT_URL: fakeAws().url,
    });
    const log = JSON.parse(sarif.stdout) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[];
    };
    const rule = log.runs[0].tool.driver.rules.find((x) => x.id === "unused-service-permissions");
    assert.strictEqual(
      rule?.helpUri,
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html",
    );
  });

  describe("bad usage: exit 2 and one line", () => {
    for (const [args, message] of [
      [["--last-accessed", "0"], /--last-accessed must be a whole number of days from 1 to 400 .*; got "0"/],
      [["--last-accessed", "401"], /got "401"/],
      [["--last-accessed", "ninety"], /got "ninety"/],
      [
        ["--credential-report", "examples/credential-report.csv", "--last-accessed"],
        /--last-accessed reads IAM's service last-accessed data through the AWS APIs; it cannot be combined with --credential-report/,
      ],
    ] as const) {
      it(args.join(" "), async () => {
        assertUsageError(await runAudit([...args]), message);
      });
    }
  });
});
