/**
 * The account policies examine the account the stack deploys to: when the stack's aws provider
 * assumes a role, they assume the same chain (session name, external id, region) with the real
 * SDK against fakeAws, and the diagnostics name that account.
 */
import * as assert from "assert";
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { accountPolicyNames } from "../../../policy-pack/controls";
import { createAccountPolicies, memoiseReads } from "../../../policy-pack/account/policies";
import { durationSeconds, providerRoles, stackTargets } from "../../../policy-pack/account/providerRoles";
import { readAccount } from "../../../policy-pack/account/source";
import { useFakeAws } from "../../support/useFakeAws";
import { AMBIENT_KEY, FIXED_NOW, MANAGEMENT_ID, memberAccount } from "../../support/fakeOrganization";

const MEMBER = "222222222222";
const HUB = "333333333333";
const roleArn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

function provider(name: string, props: Record<string, unknown>): PolicyResource {
  return {
    type: "pulumi:providers:aws",
    urn: `urn:pulumi:member::baseline::pulumi:providers:aws::${name}`,
    name,
    props,
    opts: {},
    isComponent: false,
    propertyDependencies: {},
    dependencies: [],
  } as unknown as PolicyResource;
}

describe("the aws provider's assumeRoles, as the account policies read them", () => {
  it("reads a JSON-encoded list (explicit provider or stack config), a list, and the legacy single assumeRole", () => {
    const entry = {
      roleArn: roleArn(MEMBER, "Audit"),
      sessionName: "ci",
      externalId: "x-1",
      duration: "1h30m",
    };
    const expected = [
      {
        roleArn: roleArn(MEMBER, "Audit"),
        sessionName: "ci",
        externalId: "x-1",
        durationSeconds: 5400,
        policy: undefined,
        policyArns: undefined,
        sourceIdentity: undefined,
        tags: undefined,
        transitiveTagKeys: undefined,
      },
    ];
    assert.deepStrictEqual(providerRoles({ assumeRoles: JSON.stringify([entry]) }), expected);
    assert.deepStrictEqual(providerRoles({ assumeRoles: [entry] }), expected);
    assert.deepStrictEqual(providerRoles({ assumeRoles: [JSON.stringify(entry)] }), expected);
    assert.deepStrictEqual(providerRoles({ assumeRole: JSON.stringify(entry) }), expected);
    assert.deepStrictEqual(providerRoles({ assumeRoles: "[]", region: "us-east-1" }), []);
    assert.deepStrictEqual(
      providerRoles({ assumeRoles: [{ roleArn: "" }] }),
      [],
      "an empty roleArn assumes nothing",
    );
    const full = providerRoles({
      assumeRoles: [
        { ...entry, tags: '{"team":"sec"}', policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
      ],
    })[0];
    assert.deepStrictEqual(full.tags, { team: "sec" });
    assert.deepStrictEqual(full.policyArns, ["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
  });

  it("takes Go durations and rejects anything else", () => {
    assert.strictEqual(durationSeconds("15m"), 900);
    assert.strictEqual(durationSeconds("2h"), 7200);
    assert.strictEqual(durationSeconds("900s"), 900);
    assert.strictEqual(durationSeconds("1 hour"), undefined);
    assert.strictEqual(durationSeconds(""), undefined);
  });

  it("one target per distinct role chain; providers differing only by region reach the same account", () => {
    const a = { assumeRoles: [{ roleArn: roleArn(MEMBER, "Audit") }], region: "eu-west-1" };
    const b = { assumeRoles: [{ roleArn: roleArn(MEMBER, "Audit") }], region: "us-east-1" };
    const ambient = { region: "us-east-1" };
    const targets = stackTargets([a, b, ambient]);
    assert.deepStrictEqual(
      targets.map((t) => [t.roles.map((r) => r.roleArn), t.region, t.providers.length]),
      [
        [[roleArn(MEMBER, "Audit")], "eu-west-1", 2],
        [[], "us-east-1", 1],
      ],
    );
    assert.deepStrictEqual(stackTargets([]), [{ roles: [], providers: [] }]);
  });
});

describe("the account policies when the stack's provider assumes a role (real SDK, fakeAws)", function () {
  this.timeout(30_000);
  const fakeAws = useFakeAws();

  beforeEach(() => {
    fakeAws().assumeRoleRequests.length = 0;
    fakeAws().addAccount(AMBIENT_KEY, memberAccount(MANAGEMENT_ID, { roles: {} }));
    fakeAws().addAccount(null, memberAccount(MEMBER, { roles: { Audit: { externalId: "x-1" } } }));
    fakeAws().addAccount(null, memberAccount(HUB, { roles: { Hub: {} } }));
  });

  const policies = (): StackValidationPolicy[] =>
    createAccountPolicies({
      read: memoiseReads((s) =>
        readAccount(s, { clientConfig: { endpoint: fakeAws().url }, initialPollMs: 5 }),
      ),
      now: () => FIXED_NOW,
      baseDir: __dirname,
    });

  async function preview(resources: PolicyResource[]): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const p of policies()) {
      const messages: string[] = [];
      await p.validateStack(
        {
          resources,
          stackTags: new Map(),
          getConfig: <T extends object>() => ({}) as T,
          notApplicable: (): never => {
            throw new Error("notApplicable");
          },
        },
        (m) => messages.push(m),
      );
      out[p.name] = messages;
    }
    return out;
  }

  it("assume the provider's role once per preview, in its region, and name the member account", async () => {
    const out = await preview([
      provider("default_7_48_0", {
        region: "eu-west-1",
        assumeRoles: JSON.stringify([
          { roleArn: roleArn(MEMBER, "Audit"), sessionName: "ci-run", externalId: "x-1" },
        ]),
        allowedAccountIds: JSON.stringify([MEMBER]),
      }),
    ]);
    assert.deepStrictEqual(fakeAws().assumeRoleRequests, [
      {
        roleArn: roleArn(MEMBER, "Audit"),
        sessionName: "ci-run",
        externalId: "x-1",
        durationSeconds: null,
        sourceIdentity: null,
        callerAccountId: MANAGEMENT_ID,
        region: "eu-west-1",
      },
    ]);
    assert.deepStrictEqual(out["iam-users-mfa-enabled"], [
      `account ${MEMBER} (IAM API via role ${roleArn(MEMBER, "Audit")}): dev-2222: console password enabled without MFA; MFA is required for every user with a console password`,
    ]);
    // Centralized root access: no root password, no root keys, no MFA: compliant.
    for (const p of ["root-access-keys-absent", "root-mfa-enabled", "root-hardware-mfa"]) {
      assert.deepStrictEqual(out[p], [], p);
    }
    assert.deepStrictEqual(fakeAws().counts(AMBIENT_KEY), {}, "nothing read in the ambient account");
    assert.strictEqual(fakeAws().countsFor(MEMBER).GetCredentialReport, 1, "one read for the nine policies");
  });

  it("chain in order: the second role is assumed with the first role's credentials", async () => {
    const out = await preview([
      provider("member", {
        assumeRoles: [
          { roleArn: roleArn(HUB, "Hub") },
          { roleArn: roleArn(MEMBER, "Audit"), externalId: "x-1" },
        ],
      }),
    ]);
    assert.deepStrictEqual(
      fakeAws().assumeRoleRequests.map((r) => [r.roleArn, r.callerAccountId, r.sessionName, r.region]),
      [
        [roleArn(HUB, "Hub"), MANAGEMENT_ID, "aws-account-baseline-check", "us-east-1"],
        [roleArn(MEMBER, "Audit"), HUB, "aws-account-baseline-check", "us-east-1"],
      ],
    );
    assert.match(
      out["iam-users-mfa-enabled"][0],
      /^account 222222222222 \(IAM API via role .*role\/Audit\): dev-2222:/,
    );
  });

  it("a role that cannot be assumed is one advisory per policy naming the role and the cause", async () => {
    const out = await preview([
      provider("member", { assumeRoles: [{ roleArn: roleArn(MEMBER, "Missing") }] }),
    ]);
    assert.deepStrictEqual(Object.keys(out), [...accountPolicyNames]);
    for (const name of accountPolicyNames) {
      assert.strictEqual(out[name].length, 1, name);
      assert.strictEqual(
        out[name][0],
        `could not read the account, so ${name} was not evaluated: could not assume role ${roleArn(MEMBER, "Missing")} (AccessDenied: User: arn:aws:iam::${MANAGEMENT_ID}:user/auditor is not authorized to perform: sts:AssumeRole on resource: ${roleArn(MEMBER, "Missing")}); the role must exist in account ${MEMBER} and trust the credentials running the check, which need sts:AssumeRole on it`,
      );
    }
    assert.strictEqual(fakeAws().assumeRoleRequests.length, 1, "the failed assumption is memoised too");
  });

  it("a wrong external id is refused like a missing role", async () => {
    const out = await preview([
      provider("member", { assumeRoles: [{ roleArn: roleArn(MEMBER, "Audit"), externalId: "wrong" }] }),
    ]);
    assert.match(out["root-mfa-enabled"][0], /could not assume role .*role\/Audit \(AccessDenied/);
  });

  it("say so when the assumed role's account is not one the provider allows", async () => {
    const out = await preview([
      provider("member", {
        assumeRoles: [{ roleArn: roleArn(MEMBER, "Audit"), externalId: "x-1" }],
        allowedAccountIds: ["444444444444"],
      }),
    ]);
    assert.deepStrictEqual(out["single-active-access-key"], [
      `the role ${roleArn(MEMBER, "Audit")} that the stack's aws provider assumes is in account ${MEMBER}, but the stack's aws provider allows only 444444444444 (allowedAccountIds); point assumeRoles at a role in that account; the live account checks did not judge ${MEMBER}`,
    ]);
  });

  it("a stack deploying to two accounts (ambient default provider and a role) has each examined and named", async () => {
    const ambient = provider("default_7_48_0", { region: "us-east-1" });
    const member = provider("member", {
      assumeRoles: [{ roleArn: roleArn(MEMBER, "Audit"), externalId: "x-1" }],
    });
    const out = await preview([ambient, member]);
    assert.deepStrictEqual(
      out["iam-users-mfa-enabled"].map((m) => m.split(":")[0]),
      [`account ${MANAGEMENT_ID} (IAM API)`, `account ${MEMBER} (IAM API via role arn`],
    );
  });
});
