/**
 * The opt-in pack policy unused-service-permissions in-process, with the real SDK against
 * fakeAws: its diagnostics name the account examined, and a refusal is one "not evaluated".
 */
import * as assert from "assert";
import type { StackValidationArgs } from "@pulumi/policy";
import { createUnusedServicePermissionsPolicy } from "../../../../policy-pack/account/lastAccessed/policy";
import { memoiseReads } from "../../../../policy-pack/account/policies";
import { readAccount } from "../../../../policy-pack/account/source";
import { errors, FakeAccount } from "../../../support/fakeAws";
import { useFakeAws } from "../../../support/useFakeAws";
import { readOnly, trustAccount } from "../../../support/permissionSpec";

const KEY = "AKIAIOSFODNN7EXAMPLE";
const ID = "123456789012";
const now = new Date("2026-11-20T12:00:00Z");

const own = { inline: { own: readOnly() } };
const account = (extra: Partial<FakeAccount> = {}): FakeAccount => ({
  accountId: ID,
  now,
  permissions: { roles: { deploy: { ...own, trust: trustAccount() } }, groups: { Readers: own } },
  lastAccessed: {
    principals: {
      [`arn:aws:iam::${ID}:role/deploy`]: {
        services: [{ namespace: "s3", lastAuthenticated: "2026-11-19T00:00:00Z" }, { namespace: "ec2" }],
      },
      [`arn:aws:iam::${ID}:group/Readers`]: {
        services: [{ namespace: "s3", lastAuthenticated: "2026-11-19T00:00:00Z" }],
      },
    },
  },
  ...extra,
});

const args = (config: object): StackValidationArgs => ({
  resources: [],
  stackTags: new Map(),
  getConfig: <T extends object>() => config as T,
  notApplicable: (reason?: string): never => {
    throw new Error(`notApplicable: ${reason}`);
  },
});

describe("unused-service-permissions (pack policy) against fakeAws", function () {
  this.timeout(30_000);
  const fakeAws = useFakeAws();
  async function run(config: object): Promise<string[]> {
    const clientConfig = { endpoint: fakeAws().url };
    const policy = createUnusedServicePermissionsPolicy({
      read: memoiseReads((s) => readAccount(s, { clientConfig, initialPollMs: 1 })),
      now: () => now,
      baseDir: process.cwd(),
      clientConfig,
    });
    const messages: string[] = [];
    await policy.validateStack(args(config), (m) => messages.push(m));
    return messages;
  }

  it("is disabled unless configured, and reports each principal with unused services, naming the account", async () => {
    fakeAws().addAccount(KEY, account());
    const policy = createUnusedServicePermissionsPolicy({
      read: async () => ({}) as never,
      now: () => now,
      baseDir: ".",
    });
    assert.strictEqual(policy.enforcementLevel, "disabled");
    assert.deepStrictEqual(await run({ unusedDays: 30 }), [
      "account 123456789012 (IAM API): role deploy: 1 of 2 services its policies allow was not used in the last 30 days (never used: ec2); remove it from its policies",
    ]);
  });

  const refusals = [
    {
      what: "an endpoint that refuses the jobs: one diagnostic saying it was not evaluated and which permission",
      action: "GetServiceLastAccessedDetails",
      message:
        "account 123456789012 (IAM API): not evaluated: iam:GetServiceLastAccessedDetails was denied (AccessDenied); grant iam:GetServiceLastAccessedDetails to the credentials running the check",
    },
    {
      what: "the authorization snapshot cannot be read: one diagnostic saying why, and no job is started",
      action: "GetAccountAuthorizationDetails",
      message:
        "account 123456789012 (IAM API): not evaluated: the principals to review come from the account's authorization snapshot, which could not be read: iam:GetAccountAuthorizationDetails was denied (AccessDenied); grant iam:GetAccountAuthorizationDetails to the credentials running the check",
    },
  ];
  for (const { what, action, message } of refusals) {
    it(what, async () => {
      fakeAws().addAccount(KEY, account({ failAlways: { [action]: errors.accessDenied(action) } }));
      assert.deepStrictEqual(await run({}), [message]);
      if (action === "GetAccountAuthorizationDetails") {
        assert.strictEqual(fakeAws().counts(KEY).GenerateServiceLastAccessedDetails, undefined);
      }
    });
  }
});
