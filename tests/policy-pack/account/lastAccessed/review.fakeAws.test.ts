/**
 * The last-accessed review as both front ends run it, with the real SDK against fakeAws: the
 * account read once (its authorization snapshot names the principals), then only the jobs. No
 * listing call is made; a snapshot that could not be read, and an endpoint that refuses or fails
 * the jobs, give not-evaluated findings naming why, never a crash and never a pass.
 */
import * as assert from "assert";
import { AccountFacts } from "../../../../policy-pack/account/facts";
import { Finding } from "../../../../policy-pack/account/finding";
import { LastAccessedReadOptions } from "../../../../policy-pack/account/lastAccessed/read";
import { reviewLastAccessed } from "../../../../policy-pack/account/lastAccessed/review";
import { readAccountFromApi } from "../../../../policy-pack/account/readApi";
import { errors, FakeAccount } from "../../../support/fakeAws";
import { PrincipalJobSpec } from "../../../support/fakeAwsLastAccessed";
import { PermissionsSpec, readOnly, trustAccount } from "../../../support/permissionSpec";
import { useFakeAws } from "../../../support/useFakeAws";

const KEY = "AKIAIOSFODNN7EXAMPLE";
const ID = "123456789012";
const now = new Date("2026-11-20T12:00:00Z");
const job: PrincipalJobSpec = {
  services: [{ namespace: "s3", lastAuthenticated: "2026-11-19T00:00:00Z" }, { namespace: "ec2" }],
  pollsBeforeComplete: 1,
};

/** `perKind` groups, roles and users, each with an inline policy of its own. */
function principals(perKind: number): PermissionsSpec {
  const own = { inline: { own: readOnly() } };
  const each = <T>(prefix: string, p: T) =>
    Object.fromEntries(Array.from({ length: perKind }, (_, i) => [`${prefix}${i}`, p]));
  return {
    groups: each("g", own),
    roles: each("r", { ...own, trust: trustAccount() }),
    users: each("u", own),
    organizationsFeatures: "no-organization",
  };
}

const account = (perKind: number, extra: Partial<FakeAccount> = {}): FakeAccount => ({
  accountId: ID,
  now,
  permissions: principals(perKind),
  lastAccessed: { otherPrincipals: job },
  ...extra,
});

/** What the review changed in the account's call counts. */
function added(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .filter(([k, n]) => n !== (before[k] ?? 0))
      .map(([k, n]) => [k, n - (before[k] ?? 0)]),
  );
}

describe("reviewLastAccessed: principals from the authorization snapshot, against fakeAws", function () {
  this.timeout(30_000);
  const fakeAws = useFakeAws();

  async function review(
    spec: FakeAccount,
    options: LastAccessedReadOptions = {},
  ): Promise<{ facts: AccountFacts; findings: Finding[]; calls: Record<string, number> }> {
    fakeAws().addAccount(KEY, spec);
    const clientConfig = { endpoint: fakeAws().url };
    const facts = await readAccountFromApi({ clientConfig, initialPollMs: 1 });
    const before = fakeAws().counts(KEY);
    const findings = await reviewLastAccessed(facts.authorization, 30, now, {
      clientConfig,
      initialPollMs: 1,
      ...options,
    });
    return { facts, findings, calls: added(before, fakeAws().counts(KEY)) };
  }

  it("N principals cost N GenerateServiceLastAccessedDetails and N x (polls + 1) Get, and no listing call", async () => {
    const { facts, findings, calls } = await review(account(10));
    assert.ok("value" in facts.authorization, JSON.stringify(facts.authorization));
    assert.deepStrictEqual(calls, {
      GenerateServiceLastAccessedDetails: 30,
      GetServiceLastAccessedDetails: 60,
    });
    // The account's read listed nobody either: its one snapshot page named all 30.
    const read = fakeAws().counts(KEY);
    assert.strictEqual(read.GetAccountAuthorizationDetails, 1);
    assert.deepStrictEqual(
      Object.keys(read).filter((a) => /^List(Users|Groups|Roles|Attached|User|Group|Role)/.test(a)),
      [],
    );
    assert.strictEqual(findings.length, 30);
    assert.ok(findings.every((f) => f.status === "fail"));
    assert.deepStrictEqual(
      [findings[0].subject, findings[10].subject, findings[20].subject],
      ["g0", "r0", "u0"],
    );
    assert.match(findings[0].message, /^group g0: 1 of 2 services .* \(never used: ec2\)/);
  });

  it("the snapshot could not be read: one not-evaluated naming why, and no job is started", async () => {
    const { findings, calls } = await review(
      account(2, {
        failAlways: { GetAccountAuthorizationDetails: errors.accessDenied("GetAccountAuthorizationDetails") },
      }),
    );
    assert.deepStrictEqual(
      findings.map((f) => [f.policy, f.status, f.subject, f.message]),
      [
        [
          "unused-service-permissions",
          "not-evaluated",
          "<account>",
          "the principals to review come from the account's authorization snapshot, which could not be read: iam:GetAccountAuthorizationDetails was denied (AccessDenied); grant iam:GetAccountAuthorizationDetails to the credentials running the check",
        ],
      ],
    );
    assert.deepStrictEqual(calls, {});
  });

  const refusing: [string, Partial<FakeAccount>, LastAccessedReadOptions, RegExp][] = [
    [
      "access denied",
      {
        failAlways: {
          GenerateServiceLastAccessedDetails: errors.accessDenied("GenerateServiceLastAccessedDetails"),
        },
      },
      {},
      /^<account>: iam:GenerateServiceLastAccessedDetails was denied \(AccessDenied\)/,
    ],
    [
      "every job FAILED",
      {
        lastAccessed: {
          otherPrincipals: { services: [], failJob: { code: "InternalError", message: "no" } },
        },
      },
      {},
      /^(g|r|u)\d: (group|role|user) \w+: IAM's last-accessed job failed \(InternalError: no/,
    ],
    [
      "throttling past the SDK's retries",
      { failAlways: { GetServiceLastAccessedDetails: errors.throttling } },
      {},
      /: iam:GetServiceLastAccessedDetails was throttled past the SDK's retries \(Throttling\)/,
    ],
    [
      "a job that never completes within the bound",
      { lastAccessed: { otherPrincipals: { ...job, pollsBeforeComplete: 1_000_000 } } },
      { waitSeconds: 1, initialPollMs: 200, sleep: async () => undefined },
      /: IAM's last-accessed job was still in progress after 1 s/,
    ],
  ];
  for (const [what, extra, options, message] of refusing) {
    it(`${what}: not evaluated, naming why; never a crash, never a pass`, async () => {
      const { findings } = await review(account(1, extra), options);
      assert.ok(findings.length > 0);
      for (const f of findings) {
        assert.strictEqual(f.status, "not-evaluated", JSON.stringify(f));
        assert.match(`${f.subject}: ${f.message}`, message);
      }
    });
  }
});
