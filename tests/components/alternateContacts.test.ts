import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { contact, contacts } from "../support/fixtures";
import { installMocks, record } from "../../tools/mockEngine";

type Components = typeof import("../../components/index");
const contactType = "aws:account/alternativeContact:AlternativeContact";

describe("AlternateContacts", () => {
  let c: Components;
  before(async () => {
    installMocks();
    c = await import("../../components/index");
  });

  it("creates the billing, operations and security contacts with exact inputs, kept on delete", async () => {
    const m = await record(() => new c.AlternateContacts("ac", contacts));
    const [component] = m.ofType("aws-account-baseline:account:AlternateContacts");
    assert.strictEqual(component.name, "ac");
    const created = m.ofType(contactType);
    assert.deepStrictEqual(
      created.map((r) => [r.name, r.inputs]),
      [
        [
          "ac-billing",
          {
            alternateContactType: "BILLING",
            name: "Billing Team",
            title: "Billing Lead",
            emailAddress: "aws-billing@example.com",
            phoneNumber: "+1 (555) 010-0100",
          },
        ],
        [
          "ac-operations",
          {
            alternateContactType: "OPERATIONS",
            name: "Operations Team",
            title: "Operations Lead",
            emailAddress: "aws-operations@example.com",
            phoneNumber: "+1 (555) 010-0100",
          },
        ],
        [
          "ac-security",
          {
            alternateContactType: "SECURITY",
            name: "Security Team",
            title: "Security Lead",
            emailAddress: "aws-security@example.com",
            phoneNumber: "+1 (555) 010-0100",
          },
        ],
      ],
    );
    for (const r of created) {
      assert.strictEqual(r.parent, component.urn);
      assert.strictEqual(r.retainOnDelete, true);
    }
    assert.strictEqual(m.resources.length, 4);
  });

  it("creates only the contacts given: omitted or false billing/operations are not managed", async () => {
    const m = await record(
      () => new c.AlternateContacts("ac", { billing: false, security: contact("Security") }),
    );
    assert.deepStrictEqual(
      m.ofType(contactType).map((r) => r.inputs.alternateContactType),
      ["SECURITY"],
    );
  });

  it("leaves the security contact out only when it is an explicit false", async () => {
    const m = await record(
      () => new c.AlternateContacts("ac", { billing: contact("Billing"), security: false }),
    );
    assert.deepStrictEqual(
      m.ofType(contactType).map((r) => r.inputs.alternateContactType),
      ["BILLING"],
    );
  });

  it("sets the member account id on every contact, from a value or another resource's output", async () => {
    const m = await record(() => [
      new c.AlternateContacts("plain", { ...contacts, accountId: "210987654321" }),
      new c.AlternateContacts("eventual", {
        security: contact("Security"),
        accountId: pulumi.output("123456789012"),
      }),
    ]);
    assert.deepStrictEqual(
      m.ofType(contactType).map((r) => [r.name, r.inputs.accountId]),
      [
        ["plain-billing", "210987654321"],
        ["plain-operations", "210987654321"],
        ["plain-security", "210987654321"],
        ["eventual-security", "123456789012"],
      ],
    );
  });

  it("deletes the contacts with the stack when retainOnDelete is false", async () => {
    const m = await record(() => new c.AlternateContacts("ac", { ...contacts, retainOnDelete: false }));
    assert.deepStrictEqual(
      m.ofType(contactType).map((r) => r.retainOnDelete),
      [false, false, false],
    );
  });
});
