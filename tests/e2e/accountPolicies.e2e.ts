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

  it("each account policy that needs the report says so as an advisory; the preview still passes", async () => {
    const result = await s.ws.preview("unreadable");
    assertExit(result, 0);
    assert.ok(
      result.stdout.includes(
        `account ${MANAGEMENT} (IAM API): not evaluated: iam:GenerateCredentialReport was denied (AccessDenied)`,
      ),
      result.stdout,
    );
    assert.ok(policyFindings(result.stdout).includes("advisory iam-users-mfa-enabled"), result.stdout);
    assert.ok(
      policyFindings(result.stdout).every((f) => f.startsWith("advisory")),
      result.stdout,
    );
  });
});
