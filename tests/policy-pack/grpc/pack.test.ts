/**
 * The compiled pack started exactly as `pulumi preview --policy-pack policy-pack` starts it
 * (run-policy-pack from the pack folder, port from stdout) and driven over the Analyzer gRPC
 * protocol. `before` rebuilds policy-pack/bin with tsc (about 2.5 s here) whenever it is older
 * than its sources: the root `npm test` does not build, and testing a stale bin/ would prove
 * nothing about the sources under review.
 */
import * as assert from "assert";
import { accountPolicyNames, optInPolicyNames, resourcePolicyNames } from "../../../policy-pack/controls";
import { passwordPolicyConfigSchemas } from "../../../policy-pack/rules/passwordPolicy";
import { awsTypes } from "../../../policy-pack/resources/types";
import { ensurePackBuilt } from "../../../tools/packBuild";
import {
  AnalyzerInfo,
  Diagnostic,
  PackClient,
  PolicyPackConfigFile,
  ResourceInput,
  defaultPackDir,
  defaultUrn,
  reconcilePolicyConfig,
  secret,
  startPack,
  unknown,
} from "../../../tools/packClient";
import { defaultPasswordPolicyInputs } from "../../support/fixtures";
import { adminArn, baselineStack } from "../resources/stackFixtures";

const weakPolicy: ResourceInput = {
  type: awsTypes.accountPasswordPolicy,
  name: "pp",
  properties: { ...defaultPasswordPolicyInputs, minimumPasswordLength: 8 },
};

/** Account policies read the live account; these tests are about the stack's resources. */
const accountOff: PolicyPackConfigFile = Object.fromEntries(
  accountPolicyNames.map((n) => [n, { enforcementLevel: "disabled" as const }]),
);

const stack = (): ResourceInput[] =>
  baselineStack().map((r) => ({ type: r.type, name: r.name, properties: r.props }));

const brief = (ds: Diagnostic[]) =>
  ds.map((d) => [d.policyName, d.enforcementLevel, d.message.split("\n").pop()]);

describe("the compiled pack over gRPC, started as the engine starts it", function () {
  this.timeout(60_000);
  let pack: PackClient;
  let info: AnalyzerInfo;

  before(async () => {
    ensurePackBuilt(defaultPackDir);
    pack = await startPack();
    info = await pack.getAnalyzerInfo();
  });
  after(async () => {
    await pack?.close();
  });

  async function configure(file: PolicyPackConfigFile = {}): Promise<void> {
    await pack.configure(reconcilePolicyConfig(info.policies, { ...accountOff, ...file }));
  }

  it("prints its port first and answers on it", () => {
    assert.ok(pack.port > 0);
    assert.strictEqual(info.name, "aws-account-baseline");
    assert.strictEqual(info.supportsConfig, true);
  });

  it("GetAnalyzerInfo lists every policy of docs/contracts.md with its level, type and schema", () => {
    assert.deepStrictEqual(
      info.policies.map((p) => p.name),
      [...resourcePolicyNames, ...accountPolicyNames, ...optInPolicyNames],
    );
    // The per-principal review costs a job per principal: off unless the config turns it on.
    assert.deepStrictEqual(
      optInPolicyNames.map((n) => [n, info.policies.find((p) => p.name === n)?.enforcementLevel]),
      [["unused-service-permissions", "disabled"]],
    );
    const byName = new Map(info.policies.map((p) => [p.name, p]));
    for (const [name, schema] of Object.entries(passwordPolicyConfigSchemas)) {
      assert.deepStrictEqual(
        byName.get(name)?.configSchema?.properties,
        JSON.parse(JSON.stringify(schema.properties)),
      );
    }
    assert.deepStrictEqual(
      resourcePolicyNames.map((n) => [n, byName.get(n)?.enforcementLevel, byName.get(n)?.policyType]),
      [
        ["password-policy-minimum-length", "mandatory", "resource"],
        ["password-policy-reuse-prevention", "mandatory", "resource"],
        ["password-policy-character-classes", "mandatory", "resource"],
        ["password-policy-max-age", "advisory", "resource"],
        ["alternate-contacts-complete", "advisory", "stack"],
        ["console-users-no-access-keys", "mandatory", "stack"],
        ["iam-policies-via-groups-only", "advisory", "stack"],
        ["admin-policy-only-on-mfa-group", "mandatory", "stack"],
        ["login-profile-reset-required", "advisory", "resource"],
        ["support-role-declared", "advisory", "stack"],
        ["access-analyzer-declared", "advisory", "stack"],
      ],
    );
    for (const n of resourcePolicyNames) {
      const p = byName.get(n)!;
      assert.match(p.description, /\.( \(.+\))?$/, n);
      assert.ok(p.remediationSteps.length > 20, `${n} has remediation steps`);
      assert.match(p.url, /^https:\/\/docs\.aws\.amazon\.com\//, n);
    }
  });

  it("Analyze with the CLI's defaults flags length 8 as mandatory, with the description and the actual value", async () => {
    await configure();
    const { diagnostics } = await pack.analyze(weakPolicy);
    assert.deepStrictEqual(diagnostics.length, 1);
    const d = diagnostics[0];
    assert.strictEqual(d.policyName, "password-policy-minimum-length");
    assert.strictEqual(d.enforcementLevel, "mandatory");
    assert.strictEqual(d.severity, "medium");
    assert.strictEqual(d.message, `${d.description}\nminimum password length is 8; at least 14 is required`);
    assert.match(d.description, /CIS 1\.7 \(v3 1\.8\), Security Hub IAM\.15/);
  });

  it("a config file overrides thresholds and levels (per policy, and 'all')", async () => {
    await configure({
      "password-policy-minimum-length": { enforcementLevel: "advisory", properties: { minimumLength: 20 } },
      "password-policy-max-age": { properties: { maximumAgeDays: 30 } },
    });
    const fourteen = { ...weakPolicy, properties: { ...weakPolicy.properties, minimumPasswordLength: 16 } };
    assert.deepStrictEqual(brief((await pack.analyze(fourteen)).diagnostics), [
      [
        "password-policy-minimum-length",
        "advisory",
        "minimum password length is 16; at least 20 is required",
      ],
      ["password-policy-max-age", "advisory", "maximum password age is 90 days; at most 30 is allowed"],
    ]);
    await configure({ all: { enforcementLevel: "disabled" } });
    assert.deepStrictEqual((await pack.analyze(weakPolicy)).diagnostics, []);
  });

  it("a misspelled threshold the real CLI passes through fails Analyze and AnalyzeStack, naming the allowed ones", async () => {
    // The Pulumi CLI validates each policy's config against {type: object, properties, required}
    // only, so it hands an unknown property to Configure as given (schema defaults beside it).
    const config = reconcilePolicyConfig(info.policies, accountOff);
    const typo = (name: string, property: string) => ({
      ...config,
      [name]: { ...config[name], properties: { ...config[name].properties, [property]: 16 } },
    });
    await pack.configure(typo("password-policy-minimum-length", "minimumLenght"));
    await assert.rejects(
      pack.analyze(weakPolicy),
      /password-policy-minimum-length: minimumLenght is not a setting of this policy; allowed: minimumLength \(and enforcementLevel\)/,
    );
    await pack.configure(typo("console-users-no-access-keys", "maximumKeyAgeDay"));
    await assert.rejects(
      pack.analyzeStack(stack()),
      /console-users-no-access-keys: maximumKeyAgeDay is not a setting of this policy; it takes only enforcementLevel/,
    );
    await configure();
    assert.strictEqual((await pack.analyze(weakPolicy)).diagnostics.length, 1, "a correct config still runs");
  });

  it("policies keep the CIS thresholds even when Configure sends no config at all", async () => {
    await pack.configure({});
    assert.deepStrictEqual(
      brief((await pack.analyze(weakPolicy)).diagnostics).filter(([n]) =>
        (resourcePolicyNames as readonly string[]).includes(n!),
      ),
      [
        [
          "password-policy-minimum-length",
          "mandatory",
          "minimum password length is 8; at least 14 is required",
        ],
      ],
    );
  });

  it("Remediate raises a weak password policy at level remediate, and only then", async () => {
    await configure();
    assert.deepStrictEqual((await pack.remediate(weakPolicy)).remediations, []);
    await configure({ "password-policy-minimum-length": { enforcementLevel: "remediate" } });
    const { remediations } = await pack.remediate(weakPolicy);
    assert.deepStrictEqual(
      remediations.map((r) => [r.policyName, r.properties]),
      [["password-policy-minimum-length", { ...weakPolicy.properties, minimumPasswordLength: 14 }]],
    );
    // What the engine deploys after remediation passes.
    assert.deepStrictEqual(
      (await pack.analyze({ ...weakPolicy, properties: remediations[0].properties })).diagnostics,
      [],
    );
  });

  it("AnalyzeStack passes the baseline and flags an admin's access key and a direct AdministratorAccess", async () => {
    await configure();
    assert.deepStrictEqual((await pack.analyzeStack(stack())).diagnostics, []);
    const key: ResourceInput = { type: awsTypes.accessKey, name: "alice-key", properties: { user: "alice" } };
    const attach: ResourceInput = {
      type: awsTypes.userPolicyAttachment,
      name: "alice-admin",
      properties: { user: "alice", policyArn: adminArn },
    };
    const { diagnostics } = await pack.analyzeStack([...stack(), key, attach]);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.urn]),
      [
        ["console-users-no-access-keys", "mandatory", defaultUrn(key.type, key.name)],
        ["iam-policies-via-groups-only", "advisory", defaultUrn(attach.type, attach.name)],
        ["admin-policy-only-on-mfa-group", "mandatory", defaultUrn(attach.type, attach.name)],
      ],
    );
  });

  it("AnalyzeStack is quiet about a stack that manages no contacts, and flags a partial set", async () => {
    await configure();
    const noContacts = stack().filter((r) => r.type !== awsTypes.alternativeContact);
    assert.deepStrictEqual((await pack.analyzeStack(noContacts)).diagnostics, []);
    const partial = stack().filter((r) => r.properties?.alternateContactType !== "BILLING");
    assert.deepStrictEqual(brief((await pack.analyzeStack(partial)).diagnostics), [
      [
        "alternate-contacts-complete",
        "advisory",
        "this account declares only the OPERATIONS, SECURITY alternate contacts; BILLING is missing (required: BILLING, OPERATIONS, SECURITY)",
      ],
    ]);
  });

  it("AnalyzeStack flags admin rights a Role grants itself (managedPolicyArns, inlinePolicies) as mandatory", async () => {
    await configure();
    const managed: ResourceInput = {
      type: awsTypes.role,
      name: "deployer",
      properties: { name: "Deployer", assumeRolePolicy: "{}", managedPolicyArns: [adminArn] },
    };
    const inline: ResourceInput = {
      type: awsTypes.role,
      name: "ci",
      properties: {
        name: "CI",
        inlinePolicies: [
          {
            name: "all",
            policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
          },
        ],
      },
    };
    const { diagnostics } = await pack.analyzeStack([...stack(), managed, inline]);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.urn, d.message.split("\n").pop()]),
      [
        [
          "admin-policy-only-on-mfa-group",
          "mandatory",
          defaultUrn(managed.type, managed.name),
          `role "Deployer" gets full administrative rights from policy ${adminArn} (deployer) directly, not through a group that enforces MFA; administrator rights must come only from a group that enforces MFA`,
        ],
        [
          "admin-policy-only-on-mfa-group",
          "mandatory",
          defaultUrn(inline.type, inline.name),
          'role "CI" gets full administrative rights from an inline "*" on "*" policy (ci) directly, not through a group that enforces MFA; administrator rights must come only from a group that enforces MFA',
        ],
      ],
    );
  });

  it("secrets arrive unwrapped in Analyze, stay secret through Remediate, and never reach a message", async () => {
    await configure({ "password-policy-minimum-length": { enforcementLevel: "remediate" } });
    const secretLength = {
      ...weakPolicy,
      properties: { ...weakPolicy.properties, minimumPasswordLength: secret(8) },
    };
    assert.deepStrictEqual(brief((await pack.analyze(secretLength)).diagnostics), [
      [
        "password-policy-minimum-length",
        "mandatory",
        "minimum password length is 8; at least 14 is required",
      ],
    ]);
    const [rem] = (await pack.remediate(secretLength)).remediations;
    assert.deepStrictEqual(rem.properties?.minimumPasswordLength, secret(14));

    await configure();
    const profile = stack().find((r) => r.type === awsTypes.userLoginProfile)!;
    const withPassword = {
      ...profile,
      properties: { ...profile.properties, password: secret("Hunter2-very-secret") },
    };
    const { diagnostics } = await pack.analyzeStack([...stack().filter((r) => r !== profile), withPassword]);
    assert.deepStrictEqual(diagnostics, []);
    const noPgp = { ...withPassword, properties: { ...withPassword.properties, pgpKey: undefined } };
    const ds = (await pack.analyze(noPgp)).diagnostics;
    assert.strictEqual(ds.length, 1);
    assert.ok(!JSON.stringify(ds).includes("Hunter2"));
  });

  it("an unknown value during preview yields one advisory per policy, never an RPC error", async () => {
    await configure();
    const unknownLength = {
      ...weakPolicy,
      properties: { ...weakPolicy.properties, minimumPasswordLength: unknown.number, requireSymbols: false },
    };
    const { diagnostics } = await pack.analyze(unknownLength);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.policyName, d.enforcementLevel]),
      [
        ["password-policy-minimum-length", "advisory"],
        ["password-policy-character-classes", "mandatory"],
      ],
    );
    assert.match(
      diagnostics[0].message,
      /can't run policy 'password-policy-minimum-length'.* during preview/,
    );

    const key: ResourceInput = { type: awsTypes.accessKey, name: "k", properties: { user: unknown.string } };
    const stackDs = (await pack.analyzeStack([...stack(), key])).diagnostics;
    assert.deepStrictEqual(
      stackDs.map((d) => [d.policyName, d.enforcementLevel]),
      [["console-users-no-access-keys", "advisory"]],
    );
  });

  it("every resource policy survives resources whose every property is unknown", async () => {
    await configure();
    const types = Object.values(awsTypes);
    const allUnknown = types.map((type, i) => ({
      type,
      name: `r${i}`,
      properties: {
        name: unknown.string,
        user: unknown.string,
        userName: unknown.string,
        group: unknown.string,
        groupName: unknown.string,
        role: unknown.string,
        users: unknown.array,
        groups: unknown.array,
        policy: unknown.string,
        policyArn: unknown.string,
        policyArns: unknown.array,
        minimumPasswordLength: unknown.number,
        passwordReusePrevention: unknown.number,
        maxPasswordAge: unknown.number,
        requireUppercaseCharacters: unknown.bool,
        requireLowercaseCharacters: unknown.bool,
        requireNumbers: unknown.bool,
        requireSymbols: unknown.bool,
        passwordResetRequired: unknown.bool,
        pgpKey: unknown.string,
        alternateContactType: unknown.string,
        accountId: unknown.string,
      },
    }));
    for (const r of allUnknown) {
      for (const d of (await pack.analyze(r)).diagnostics)
        assert.strictEqual(d.enforcementLevel, "advisory", d.message);
    }
    for (const d of (await pack.analyzeStack(allUnknown)).diagnostics) {
      assert.strictEqual(d.enforcementLevel, "advisory", d.message);
    }
  });

  it("with AWS unreachable the live-account policies report advisories; AnalyzeStack does not fail", async () => {
    await pack.configure(reconcilePolicyConfig(info.policies));
    const { diagnostics } = await pack.analyzeStack(stack());
    const account = diagnostics.filter((d) =>
      (accountPolicyNames as readonly string[]).includes(d.policyName),
    );
    assert.ok(account.length > 0);
    for (const d of account) assert.strictEqual(d.enforcementLevel, "advisory", d.message);
  });
});
