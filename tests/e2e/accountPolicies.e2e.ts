/**
 * Scenario 5 of the e2e tier: the pack's live-account policies, under the real engine, against
 * the project's local AWS endpoint (tests/support/fakeAws.ts, reached through AWS_ENDPOINT_URL):
 * findings come out as the engine's policy diagnostics, an account that cannot be read behaves
 * as the README documents, and a member stack's `aws:assumeRoles` is followed.
 */
import * as assert from "assert";
import { errors, FakeAws } from "../support/fakeAws";
import { Workspace } from "./support/engine";
import {
  AMBIENT_KEY,
  assertExit,
  cleanAccount,
  memberAccount,
  packDir,
  policyFindings,
  readConfig,
  requireEngine,
  workspaceOn,
} from "./support/scenario";
import { root } from "../program/stackFiles";
import * as path from "path";

const MANAGEMENT = "100000000000";
const MEMBER = "222222222222";
const ROLE = `arn:aws:iam::${MEMBER}:role/OrganizationAccountAccessRole`;
const memberStack = path.join(root, "examples/stacks/Pulumi.member.yaml");

describe("e2e: the account policies against the local AWS endpoint", function () {
  this.timeout(600_000);
  let fake: FakeAws;
  let ws: Workspace;

  before(async () => {
    requireEngine();
    fake = await FakeAws.start();
    ws = workspaceOn(fake);
  });
  after(async () => {
    ws?.remove();
    await fake?.stop();
  });

  it("a member stack: assumes its aws:assumeRoles role and reports the member's findings as diagnostics", async () => {
    fake.addAccount(AMBIENT_KEY, cleanAccount(MANAGEMENT));
    fake.addAccount(null, memberAccount(MEMBER));
    await ws.initStack("member", readConfig(memberStack));
    const result = await ws.pulumi(["preview", "--stack", "member", "--policy-pack", packDir]);
    assertExit(result, 0);
    assert.ok(policyFindings(result.stdout).includes("advisory iam-users-mfa-enabled"), result.stdout);
    assert.ok(
      result.stdout.includes(
        `account ${MEMBER} (IAM API via role ${ROLE}): dev-2222: console password enabled without MFA`,
      ),
      result.stdout,
    );
    assert.deepStrictEqual(
      [
        ...new Set(
          fake.assumeRoleRequests.map((r) => [r.roleArn, r.sessionName, r.callerAccountId].join(" ")),
        ),
      ],
      [`${ROLE} aws-account-baseline ${MANAGEMENT}`],
    );
    assert.ok(fake.countsFor(MEMBER).GenerateCredentialReport >= 1, "the member account was read");
    assert.deepStrictEqual(fake.counts(AMBIENT_KEY), {}, "the management account itself was not read");
  });

  it("an account that cannot be read: each account policy says so as an advisory, the preview still passes", async () => {
    fake.addAccount(
      AMBIENT_KEY,
      cleanAccount(MANAGEMENT, {
        failAlways: { GenerateCredentialReport: errors.accessDenied("GenerateCredentialReport") },
      }),
    );
    await ws.initStack("unreadable", readConfig(path.join(root, "Pulumi.example.yaml")));
    const result = await ws.pulumi(["preview", "--stack", "unreadable", "--policy-pack", packDir]);
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
