import * as assert from "assert";
import type * as Components from "../../components/index";
import { installMocks, record } from "../../tools/mockEngine";

type C = typeof Components;
const featuresType = "aws:iam/organizationsFeatures:OrganizationsFeatures";

describe("CentralizedRootAccess", () => {
  let c: C;
  before(async () => {
    installMocks();
    c = await import("../../components/index");
  });

  it("enables RootCredentialsManagement and RootSessions by default, kept on delete", async () => {
    const m = await record(() => new c.CentralizedRootAccess("root"));
    const [component] = m.ofType("aws-account-baseline:iam:CentralizedRootAccess");
    assert.deepStrictEqual(
      m.ofType(featuresType).map((r) => [r.name, r.inputs, r.parent, r.retainOnDelete]),
      [
        [
          "root-features",
          { enabledFeatures: ["RootCredentialsManagement", "RootSessions"] },
          component.urn,
          true,
        ],
      ],
    );
    assert.strictEqual(m.resources.length, 2);
  });

  it("enables one feature when the other is false, and deletes it with the stack on request", async () => {
    const m = await record(() => [
      new c.CentralizedRootAccess("creds", { rootSessions: false }),
      new c.CentralizedRootAccess("sessions", { rootCredentialsManagement: false, retainOnDelete: false }),
    ]);
    assert.deepStrictEqual(
      m.ofType(featuresType).map((r) => [r.name, r.inputs.enabledFeatures, r.retainOnDelete]),
      [
        ["creds-features", ["RootCredentialsManagement"], true],
        ["sessions-features", ["RootSessions"], false],
      ],
    );
  });

  const rejected: [string, object, string][] = [
    [
      "both features off",
      { rootCredentialsManagement: false, rootSessions: false },
      "rootCredentialsManagement and rootSessions are both false: enable at least one, or leave CentralizedRootAccess out",
    ],
    ["a non-boolean", { rootSessions: "yes" }, 'rootSessions must be true or false; got "yes"'],
    [
      "an unknown key",
      { enabledFeatures: ["RootSessions"] },
      "enabledFeatures is not a known setting; allowed keys: rootCredentialsManagement, rootSessions, retainOnDelete",
    ],
  ];
  for (const [what, args, message] of rejected) {
    it(`rejects ${what} before registering anything`, async () => {
      const monitor = installMocks();
      assert.throws(() => new c.CentralizedRootAccess("root", args as Components.CentralizedRootAccessArgs), {
        name: "ValidationError",
        message,
      });
      await monitor.settled();
      assert.deepStrictEqual(monitor.resources, []);
    });
  }
});
