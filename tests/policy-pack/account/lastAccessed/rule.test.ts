/** unused-service-permissions on both sides of the window, and what it says when it cannot judge. */
import * as assert from "assert";
import { PrincipalUse, ServiceUse } from "../../../../policy-pack/account/lastAccessed/job";
import { Principal } from "../../../../policy-pack/account/lastAccessed/principal";
import { unusedServicePermissions } from "../../../../policy-pack/account/lastAccessed/rule";

const now = new Date("2026-11-20T12:00:00Z");
const dayMs = 86_400_000;
const role: Principal = {
  kind: "role",
  name: "deploy",
  arn: "arn:aws:iam::123456789012:role/deploy",
};
const svc = (namespace: string, lastAuthenticated: Date | null): ServiceUse => ({
  namespace,
  name: namespace.toUpperCase(),
  lastAuthenticated,
  totalAuthenticatedEntities: lastAuthenticated ? 1 : 0,
});
const judge = (services: ServiceUse[], days = 90) =>
  unusedServicePermissions({ value: [{ principal: role, services }] }, days, now);

describe("unused-service-permissions", () => {
  it("a service used exactly DAYS ago is used; a millisecond earlier it is not", () => {
    const edge = new Date(now.getTime() - 90 * dayMs);
    assert.deepStrictEqual(judge([svc("s3", edge)]), []);
    const findings = judge([svc("s3", new Date(edge.getTime() - 1))]);
    assert.deepStrictEqual(findings, [
      {
        policy: "unused-service-permissions",
        status: "fail",
        severity: "low",
        subject: "deploy",
        message:
          "role deploy: 1 of 1 service its policies allow was not used in the last 90 days (last used before the window: s3 (2026-08-22)); remove it from its policies",
        controls: [],
      },
    ]);
  });

  it("lists every unused service, sorted, those used before the window with their date, then those never used", () => {
    const [f] = judge(
      [
        svc("sqs", null),
        svc("s3", new Date("2026-11-19T00:00:00Z")),
        svc("ec2", new Date("2025-01-02T00:00:00Z")),
        svc("lambda", null),
      ],
      30,
    );
    assert.strictEqual(
      f.message,
      "role deploy: 3 of 4 services its policies allow were not used in the last 30 days (last used before the window: ec2 (2025-01-02); never used: lambda, sqs); remove them from its policies",
    );
  });

  it("DAYS is the window: 1 day", () => {
    assert.strictEqual(judge([svc("s3", new Date(now.getTime() - 2 * dayMs))], 1).length, 1);
    assert.strictEqual(judge([svc("s3", new Date(now.getTime() - dayMs / 2))], 1).length, 0);
  });

  it("a principal whose data could not be read is not evaluated, with the reason; a refused account once", () => {
    const unread: PrincipalUse = { principal: role, unavailable: "role deploy: the job failed" };
    assert.deepStrictEqual(unusedServicePermissions({ value: [unread] }, 90, now), [
      {
        policy: "unused-service-permissions",
        status: "not-evaluated",
        severity: "low",
        subject: "deploy",
        message: "role deploy: the job failed",
        controls: [],
      },
    ]);
    const refused = unusedServicePermissions({ unavailable: "iam:X was denied" }, 90, now);
    assert.deepStrictEqual(
      refused.map((f) => [f.status, f.subject, f.message]),
      [["not-evaluated", "<account>", "iam:X was denied"]],
    );
  });
});
