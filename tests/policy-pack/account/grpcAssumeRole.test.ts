/**
 * The compiled pack, started as the engine starts it and driven over gRPC, with a stack whose
 * default aws provider assumes a role (stack config `aws:assumeRoles`, which the engine passes
 * JSON-encoded): the account policies assume the same role in the provider's region through
 * the real SDK (pointed at fakeAws by AWS_ENDPOINT_URL) and name the member account.
 */
import * as assert from "assert";
import { accountPolicyNames } from "../../../policy-pack/controls";
import { AnalyzerInfo, PackClient, reconcilePolicyConfig } from "../../../tools/packClient";
import { FakeAws } from "../../support/fakeAws";
import { byPolicy, resourcesOff, startPackOnFakeAws, stopPackOnFakeAws } from "../../support/packDiagnostics";
import { AMBIENT_KEY, MANAGEMENT_ID, memberAccount } from "../../support/fakeOrganization";

const MEMBER = "222222222222";
const ROLE = `arn:aws:iam::${MEMBER}:role/BaselineDeploy`;

describe("the compiled pack over gRPC, when the stack's default aws provider assumes a role", function () {
  this.timeout(90_000);
  let fake: FakeAws;
  let pack: PackClient;
  let info: AnalyzerInfo;

  before(async () => {
    ({ fake, pack, info } = await startPackOnFakeAws());
    await pack.configure(reconcilePolicyConfig(info.policies, resourcesOff));
  });
  after(() => stopPackOnFakeAws({ fake, pack }));

  it("assumes the role in the provider's region and names the member account in every diagnostic", async () => {
    fake.addAccount(AMBIENT_KEY, memberAccount(MANAGEMENT_ID, { roles: {} }));
    fake.addAccount(null, memberAccount(MEMBER, { roles: { BaselineDeploy: { externalId: "deploy-1" } } }));
    const provider = {
      type: "pulumi:providers:aws",
      name: "default_7_48_0",
      urn: "urn:pulumi:member::aws-account-baseline::pulumi:providers:aws::default_7_48_0",
      properties: {
        region: "eu-central-1",
        assumeRoles: JSON.stringify([{ roleArn: ROLE, sessionName: "preview", externalId: "deploy-1" }]),
        allowedAccountIds: JSON.stringify([MEMBER]),
        version: "7.48.0",
      },
    };
    const { diagnostics } = await pack.analyzeStack([
      provider,
      {
        type: "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
        name: "baseline-password-policy",
        properties: { minimumPasswordLength: 14 },
        provider: {
          type: provider.type,
          name: provider.name,
          urn: provider.urn,
          properties: provider.properties,
        },
      },
    ]);
    const got = byPolicy(diagnostics);
    assert.deepStrictEqual(got["iam-users-mfa-enabled"], [
      `account ${MEMBER} (IAM API via role ${ROLE}): dev-2222: console password enabled without MFA; MFA is required for every user with a console password`,
    ]);
    assert.ok(
      diagnostics.every((d) => d.message.includes(`account ${MEMBER}`)),
      diagnostics.map((d) => d.message).join("\n"),
    );
    assert.ok(Object.keys(got).every((p) => (accountPolicyNames as readonly string[]).includes(p)));
    assert.deepStrictEqual(
      fake.assumeRoleRequests.map((r) => [
        r.roleArn,
        r.sessionName,
        r.externalId,
        r.region,
        r.callerAccountId,
      ]),
      [[ROLE, "preview", "deploy-1", "eu-central-1", MANAGEMENT_ID]],
    );
    assert.deepStrictEqual(fake.counts(AMBIENT_KEY), {}, "the ambient account was not read");
  });
});
