/**
 * A --policy-pack-config file that configures the opt-in unused-service-permissions policy is
 * also a valid --config for the audit, and its settings are the defaults of --last-accessed.
 */
import * as assert from "assert";
import { auditConfigFrom, defaultAuditConfig } from "../../policy-pack/audit/config";

describe("--config and unused-service-permissions", () => {
  it("the pack's settings for the policy are accepted and become --last-accessed's defaults", () => {
    const c = auditConfigFrom(
      {
        "unused-service-permissions": {
          enforcementLevel: "advisory",
          unusedDays: 30,
          lastAccessedWaitSeconds: 20,
          concurrency: 5,
        },
      },
      "policy-config.json",
    );
    assert.deepStrictEqual(c.lastAccessed, { unusedDays: 30, lastAccessedWaitSeconds: 20, concurrency: 5 });
    assert.deepStrictEqual(defaultAuditConfig.lastAccessed, {
      unusedDays: 90,
      lastAccessedWaitSeconds: 60,
      concurrency: 10,
    });
  });

  it("its settings are checked against the policy's schema, naming the field", () => {
    assert.throws(
      () => auditConfigFrom({ "unused-service-permissions": { unusedDays: 500 } }, "f.json"),
      /f\.json: .*unusedDays.*400/,
    );
    assert.throws(
      () => auditConfigFrom({ "unused-service-permissions": { days: 5 } }, "f.json"),
      /unused-service-permissions: days is not a setting of this policy; allowed: unusedDays, lastAccessedWaitSeconds, concurrency/,
    );
  });
});
