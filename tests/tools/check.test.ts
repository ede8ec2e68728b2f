/**
 * `npm run check` end to end, as a user runs it: the CLI in its own process (the real program
 * under mocks, the compiled pack over gRPC), judged by exit code, the policies named and stderr.
 */
import * as assert from "assert";
import { execFile } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const fixture = (f: string) => path.join("tests", "tools", "fixtures", f);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function check(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "tools/check.ts", ...args],
      { cwd: root, env: { ...process.env, INIT_CWD: root } },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

/** `[level] policy on <resource>` lines, in order. */
function named(out: string): string[] {
  return out
    .split("\n")
    .filter((l) => /^ {2}\[/.test(l))
    .map((l) => l.trim());
}

describe("npm run check", function () {
  this.timeout(120_000);

  it("shows every problem of a stack config the program rejects, each once, and exits 2", async () => {
    const r = await check("--stack-config", fixture("rejected-two.yaml"));
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    assert.strictEqual(
      r.stderr,
      [
        `check: the program rejected ${fixture("rejected-two.yaml")} (2 problems):`,
        "  passwordPolicy.minimumLength must be an integer from 6 to 128; got 3",
        "  passwordPolicy.reusePrevention must be an integer from 1 to 24; got 30",
        "",
      ].join("\n"),
    );
    assert.strictEqual(r.stdout, "");
  });

  it("passes the example stack config: exit 0, no mandatory finding", async () => {
    const r = await check();
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes("[mandatory]"), r.stdout);
    assert.match(r.stdout, /^Policy check of \d+ resources from Pulumi\.example\.yaml/);
    assert.match(r.stdout, /PASSED/);
  });

  it("the baseline components at their defaults produce zero violations", async () => {
    const r = await check("--stack-config", fixture("component-defaults.yaml"));
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(named(r.stdout), []);
    assert.match(r.stdout, /PASSED: no policy violations\./);
  });

  it("fails a password length of 8 plus an admin's access key and direct AdministratorAccess, naming each policy and resource", async () => {
    const r = await check(
      "--stack-config",
      fixture("weak-password-length.yaml"),
      "--resources",
      fixture("admin-user-access-key.json"),
    );
    assert.strictEqual(r.code, 1, r.stderr);
    assert.deepStrictEqual(
      named(r.stdout).filter((l) => l.startsWith("[mandatory]")),
      [
        '[mandatory] password-policy-minimum-length on aws:iam/accountPasswordPolicy:AccountPasswordPolicy "baseline-password-policy"',
        '[mandatory] console-users-no-access-keys on aws:iam/accessKey:AccessKey "alice-cli-key"',
        '[mandatory] admin-policy-only-on-mfa-group on aws:iam/userPolicyAttachment:UserPolicyAttachment "alice-direct-admin"',
      ],
    );
    assert.match(r.stdout, /minimum password length is 8; at least 14 is required/);
    assert.match(r.stdout, /FAILED: 3 mandatory violations/);
  });

  it("stays quiet about contacts on the member example, whose contacts the management stack sets", async () => {
    const r = await check("--stack-config", "examples/stacks/Pulumi.member.yaml");
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(named(r.stdout), []);
    assert.match(r.stdout, /PASSED: no policy violations\./);
  });

  it("fails weak reuse, classes and age, and flags a partial set of contacts as advisory", async () => {
    const r = await check("--stack-config", fixture("weak-many.yaml"));
    assert.strictEqual(r.code, 1, r.stderr);
    const lines = named(r.stdout).map((l) => l.split(" on ")[0]);
    for (const expected of [
      "[mandatory] password-policy-reuse-prevention",
      "[mandatory] password-policy-character-classes",
      "[advisory] password-policy-max-age",
      "[advisory] alternate-contacts-complete",
    ]) {
      assert.ok(lines.includes(expected), `${expected} in\n${r.stdout}`);
    }
    assert.ok(!lines.includes("[mandatory] password-policy-minimum-length"), r.stdout);
    assert.match(
      r.stdout,
      /password reuse prevention remembers 5 previous passwords; at least 24 is required/,
    );
    assert.match(r.stdout, /maximum password age is 365 days; at most 90 is allowed/);
  });

  it("applies a --policy-pack-config: a stricter threshold fails the example, 'all: advisory' passes a weak one", async () => {
    const stricter = await check("--policy-pack-config", fixture("stricter-length.json"));
    assert.strictEqual(stricter.code, 1, stricter.stderr);
    assert.match(stricter.stdout, /minimum password length is 16; at least 20 is required/);

    const advisory = await check(
      "--stack-config",
      fixture("weak-password-length.yaml"),
      "--policy-pack-config",
      fixture("all-advisory.json"),
    );
    assert.strictEqual(advisory.code, 0, advisory.stderr);
    assert.match(advisory.stdout, /\[advisory\] password-policy-minimum-length/);
  });

  it("at level remediate, raises a weak password policy and reports what it changed instead of failing", async () => {
    const r = await check(
      "--stack-config",
      fixture("weak-password-length.yaml"),
      "--policy-pack-config",
      fixture("remediate-password.json"),
    );
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    assert.ok(!r.stdout.includes("[mandatory]"), r.stdout);
    assert.match(
      r.stdout,
      /\[remediate\] password-policy-minimum-length on aws:iam\/accountPasswordPolicy:AccountPasswordPolicy "baseline-password-policy": sets minimumPasswordLength: 8 -> 14/,
    );
  });

  for (const [what, args, message] of [
    [
      "a missing stack config",
      ["--stack-config", "nope.yaml"],
      /^check: --stack-config nope\.yaml does not exist\n$/,
    ],
    ["an unknown option", ["--bogus"], /^check: unknown option '--bogus'\n$/],
    ["a stray argument", ["extra"], /^check: too many arguments/],
    [
      "a config file that is not JSON",
      ["--policy-pack-config", fixture("not-json.txt")],
      /is not valid JSON/,
    ],
    [
      "an invalid enforcement level",
      ["--policy-pack-config", fixture("bad-level.json")],
      /"strict" is not a valid enforcement level/,
    ],
    [
      "a threshold outside its schema's bounds",
      ["--policy-pack-config", fixture("out-of-bounds.json")],
      /password-policy-minimum-length: minimumLength must be at most 128, got 200/,
    ],
    [
      "a stack config the program rejects",
      ["--stack-config", fixture("rejected-length.yaml")],
      /^check: the program rejected .*rejected-length\.yaml: passwordPolicy\.minimumLength must be an integer from 6 to 128; got 3\n$/,
    ],
    [
      "a misspelled threshold",
      ["--policy-pack-config", fixture("misspelled-threshold.json")],
      /^check: --policy-pack-config: invalid policy pack config: password-policy-minimum-length: minimumLenght is not a setting of this policy; allowed: minimumLength \(and enforcementLevel\)\n$/,
    ],
    [
      "a misspelled policy name",
      ["--policy-pack-config", fixture("misspelled-policy.json")],
      /"access-keys-rotate" is not a policy of this pack \(did you mean "access-keys-rotated"\?\)/,
    ],
  ] as const) {
    it(`exits 2 with one line on stderr for ${what}`, async () => {
      const r = await check(...args);
      assert.strictEqual(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.strictEqual(r.stderr.trim().split("\n").length, 1, r.stderr);
      assert.strictEqual(r.stdout, "");
    });
  }
});
