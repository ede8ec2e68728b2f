/**
 * `--organization --last-accessed`: each member account's review runs with that account's role
 * credentials, its findings carry the account, and an account whose endpoint refuses the calls is
 * not evaluated there without stopping the others.
 */
import * as assert from "assert";
import { useFakeAws } from "../support/useFakeAws";
import { addOrganization, MANAGEMENT_ID, memberIds } from "../support/fakeOrganization";
import { readOnly, trustAccount } from "../support/permissionSpec";
import { runAudit } from "./cliRunner";

const NOW = "2026-11-20T12:00:00Z";

interface OrgJson {
  findings: { account: string; policy: string; status: string; subject: string; message: string }[];
}

describe("npm run audit -- --organization --last-accessed", function () {
  this.timeout(60_000);
  const fakeAws = useFakeAws();

  it("reviews every account through its role; a refusing account is not evaluated, the others are judged", async () => {
    const [reviewed, refusing] = memberIds(2);
    addOrganization(fakeAws(), {
      members: [reviewed, refusing],
      overrides: {
        [reviewed]: {
          // The snapshot names one principal with a policy of its own.
          permissions: {
            roles: { deploy: { inline: { own: readOnly() }, trust: trustAccount(true, reviewed) } },
          },
          lastAccessed: {
            principals: {
              [`arn:aws:iam::${reviewed}:role/deploy`]: {
                services: [
                  { namespace: "s3", lastAuthenticated: "2026-11-19T00:00:00Z" },
                  { namespace: "kms" },
                ],
              },
            },
          },
        },
      },
      // Nobody with a policy of their own: nothing to review, no job.
      management: { permissions: {}, lastAccessed: { principals: {} } },
    });
    const r = await runAudit(["--organization", "--now", NOW, "--format", "json", "--last-accessed"], {
      AWS_ENDPOINT_URL: fakeAws().url,
    });
    assert.strictEqual(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as OrgJson;
    const unused = out.findings
      .filter((f) => f.policy === "unused-service-permissions")
      .map((f) => [f.account, f.status, f.subject, f.message])
      .sort();
    assert.deepStrictEqual(unused[0], [
      reviewed,
      "fail",
      "deploy",
      "role deploy: 1 of 2 services its policies allow was not used in the last 90 days (never used: kms); remove it from its policies",
    ]);
    assert.deepStrictEqual(unused[1].slice(0, 3), [refusing, "not-evaluated", "<account>"]);
    assert.match(
      unused[1][3],
      /^iam:GenerateServiceLastAccessedDetails is not implemented by this endpoint \(InvalidAction\), so no principal's last-accessed data could be read$/,
    );
    assert.strictEqual(unused.length, 2);
    assert.strictEqual(fakeAws().countsFor(reviewed).GenerateServiceLastAccessedDetails, 1);
    assert.strictEqual(fakeAws().countsFor(MANAGEMENT_ID).GenerateServiceLastAccessedDetails, undefined);

    // SARIF: the review's results point at a rule of the run, as for one account.
    const sarif = await runAudit(["--organization", "--now", NOW, "--format", "sarif", "--last-accessed"], {
      AWS_ENDPOINT_URL: fakeAws().url,
    });
    const log = JSON.parse(sarif.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: { ruleId: string; ruleIndex?: number }[];
      }[];
    };
    const { rules } = log.runs[0].tool.driver;
    const results = log.runs[0].results.filter((x) => x.ruleId === "unused-service-permissions");
    assert.strictEqual(results.length, 1, sarif.stderr);
    assert.strictEqual(rules[results[0].ruleIndex ?? -1]?.id, "unused-service-permissions");
  });
});
