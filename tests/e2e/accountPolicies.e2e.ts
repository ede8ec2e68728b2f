/**
 * Scenario 5 of the e2e tier: the pack's live-account policies, under the real engine, against
 * the project's local AWS endpoint (tests/support/fakeAws.ts, reached through AWS_ENDPOINT_URL):
 * findings come out as the engine's policy diagnostics, an account that cannot be read behaves
 * as the README documents, and a member stack's `aws:assumeRoles` is followed.
 */
import * as assert from "assert";
import * as path from "path";
import { errors } from "../support/fakeAws";
import { root } from "../program/stackFiles";
import {
  assertExit,
  cleanAccount,
  exampleWith,
  fakeAccounts,
  mandatoryFindings,
  policyFindings,
  readConfig,
  scenario,
} from "./support/scenario";

const MANAGEMENT = "100000000000";
const MEMBER = "222222222222";
const ROLE = `arn:aws:iam::${MEMBER}:role/OrganizationAccountAccessRole`;
const memberStack = readConfig(path.join(root, "examples/stacks/Pulumi.member.yaml"));

describe("e2e: the account policies against the local AWS endpoint: a member stack", function () {
  this.timeout(600_000);
  const s = scenario({ member: memberStack }, cleanAccount(MANAGEMENT));

  it("assumes the stack's aws:assumeRoles role and reports the member's findings as diagnostics", async () => {
    s.fake.addAccount(null, fakeAccounts.memberAccount(MEMBER));
    const result = await s.ws.preview("member");
    assertExit(result, 0);
    assert.ok(policyFindings(result.stdout).includes("advisory iam-users-mfa-enabled"), result.stdout);
    assert.ok(
      result.stdout.includes(
        `account ${MEMBER} (IAM API via role ${ROLE}): dev-2222: console password enabled without MFA`,
      ),
      result.stdout,
    );
    const assumed = s.fake.assumeRoleRequests.map((r) =>
      [r.roleArn, r.sessionName, r.callerAccountId].join(" "),
    );
    assert.deepStrictEqual([...new Set(assumed)], [`${ROLE} aws-account-baseline ${MANAGEMENT}`]);
    assert.ok(s.fake.countsFor(MEMBER).GenerateCredentialReport >= 1, "the member account was read");
    assert.deepStrictEqual(
      s.fake.counts(fakeAccounts.AMBIENT_KEY),
      {},
      "the management account itself was not read",
    );
  });
});

describe("e2e: the account policies against the local AWS endpoint: an unreadable account", function () {
  this.timeout(600_000);
  const denied = { GenerateCredentialReport: errors.accessDenied("GenerateCredentialReport") };
  const s = scenario({ unreadable: exampleWith() }, cleanAccount(MANAGEMENT, { failAlways: denied }));

  const notEvaluated = `account ${MANAGEMENT} (IAM API): not evaluated: iam:GenerateCredentialReport was denied (AccessDenied)`;
  const packConfig = (name: string, settings: Record<string, unknown>) => [
    "--policy-pack-config",
    s.ws.writeFile(
      name,
      JSON.stringify({ "iam-users-mfa-enabled": { enforcementLevel: "mandatory", ...settings } }),
    ),
  ];

  it("each account policy that needs the report says so as an advisory; the preview still passes", async () => {
    // The AWS SDK's Node.js-version warning left on, as on a user's machine: the pack silences it.
    const result = await s.ws.preview("unreadable", [], {
      unset: ["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"],
    });
    assert.doesNotMatch(result.output, /NodeVersionSupportWarning/);
    assertExit(result, 0);
    assert.ok(result.stdout.includes(notEvaluated), result.stdout);
    assert.ok(policyFindings(result.stdout).includes("advisory iam-users-mfa-enabled"), result.stdout);
    assert.ok(
      policyFindings(result.stdout).every((f) => f.startsWith("advisory")),
      result.stdout,
    );
  });

  it("fails closed: a policy made mandatory fails the preview when it cannot read the account", async () => {
    const result = await s.ws.preview("unreadable", packConfig("mandatory.json", {}));
    assertExit(result, 255);
    assert.ok(mandatoryFindings(result.stdout).includes("mandatory iam-users-mfa-enabled"), result.stdout);
    assert.ok(result.stdout.includes(notEvaluated), result.stdout);
  });

  it('with unreadableAccount "advisory", the mandatory policy reports it as an advisory and the preview passes', async () => {
    const result = await s.ws.preview(
      "unreadable",
      packConfig("advisory.json", { unreadableAccount: "advisory" }),
    );
    assertExit(result, 0);
    assert.ok(policyFindings(result.stdout).includes("advisory iam-users-mfa-enabled"), result.stdout);
    assert.deepStrictEqual(mandatoryFindings(result.stdout), [], result.stdout);
  });
});
