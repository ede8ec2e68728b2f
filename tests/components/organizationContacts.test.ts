import * as assert from "assert";
import type * as Components from "../../components/index";
import { contact, contacts } from "../support/fixtures";
import { installMocks, record } from "../../tools/mockEngine";
import { EMAIL_RULE } from "./emailRule";

type C = typeof Components;
const contactType = "aws:account/alternativeContact:AlternativeContact";
const componentType = "aws-account-baseline:account:OrganizationContacts";
const management = "123456789012";

describe("OrganizationContacts", () => {
  let c: C;
  before(async () => {
    installMocks();
    c = await import("../../components/index");
  });

  it("creates one AlternateContacts per member account, each contact with exact inputs and the accountId", async () => {
    const m = await record(
      () =>
        new c.OrganizationContacts("org", {
          accountIds: ["210987654321", "012345678901"],
          contacts: { billing: false, security: contact("Security") },
          managementAccountId: management,
        }),
    );
    const [component] = m.ofType(componentType);
    assert.strictEqual(component.name, "org");
    const groups = m.ofType("aws-account-baseline:account:AlternateContacts");
    assert.deepStrictEqual(
      groups.map((g) => [g.name, g.parent]),
      [
        ["org-210987654321", component.urn],
        ["org-012345678901", component.urn],
      ],
    );
    const created = m.ofType(contactType);
    const security = (accountId: string) => ({
      alternateContactType: "SECURITY",
      name: "Security Team",
      title: "Security Lead",
      emailAddress: "aws-security@example.com",
      phoneNumber: "+1 (555) 010-0100",
      accountId,
    });
    assert.deepStrictEqual(
      created.map((r) => [r.name, r.inputs, r.parent, r.retainOnDelete]),
      [
        ["org-210987654321-security", security("210987654321"), groups[0].urn, true],
        ["org-012345678901-security", security("012345678901"), groups[1].urn, true],
      ],
    );
    assert.ok(!created.some((r) => r.inputs.accountId === management));
    assert.strictEqual(m.resources.length, 5);
  });

  it("gives every member all three contacts, and deletes them with the stack on retainOnDelete false", async () => {
    const m = await record(
      () =>
        new c.OrganizationContacts("o", {
          accountIds: ["210987654321"],
          contacts,
          retainOnDelete: false,
        }),
    );
    assert.deepStrictEqual(
      m
        .ofType(contactType)
        .map((r) => [r.name, r.inputs.alternateContactType, r.inputs.accountId, r.retainOnDelete]),
      [
        ["o-210987654321-billing", "BILLING", "210987654321", false],
        ["o-210987654321-operations", "OPERATIONS", "210987654321", false],
        ["o-210987654321-security", "SECURITY", "210987654321", false],
      ],
    );
  });

  it("registers the account ids as its outputs; an empty list manages no account", async () => {
    const m = await record(() => new c.OrganizationContacts("none", { accountIds: [], contacts }));
    assert.deepStrictEqual(
      m.resources.map((r) => r.type),
      [componentType],
    );
    const [component] = m.resources;
    assert.deepStrictEqual(m.registeredOutputs.get(component.urn), { accountIds: [], accounts: {} });
  });

  it("two instances with different names do not collide", async () => {
    const m = await record(() => [
      new c.OrganizationContacts("a", { accountIds: ["210987654321"], contacts }),
      new c.OrganizationContacts("b", { accountIds: ["210987654321"], contacts }),
    ]);
    const urns = m.resources.map((r) => r.urn);
    assert.strictEqual(new Set(urns).size, urns.length);
    assert.strictEqual(m.ofType(contactType).length, 6);
  });

  const build = (args: object) => () =>
    new c.OrganizationContacts("org", { contacts, ...args } as Components.OrganizationContactsArgs);
  const rejected: [string, object, string][] = [
    [
      "an 11-digit id",
      { accountIds: ["21098765432"] },
      'accountIds[0] must be a 12-digit AWS account id; got "21098765432"',
    ],
    [
      "a 13-digit id",
      { accountIds: ["210987654321", "2109876543210"] },
      'accountIds[1] must be a 12-digit AWS account id; got "2109876543210"',
    ],
    [
      "letters",
      { accountIds: ["21098765432a"] },
      'accountIds[0] must be a 12-digit AWS account id; got "21098765432a"',
    ],
    [
      "an id given as a number",
      { accountIds: [210987654321] },
      "accountIds[0] must be a 12-digit AWS account id as text (quote it in YAML); got 210987654321",
    ],
    [
      "a duplicate",
      { accountIds: ["210987654321", "111111111111", "210987654321"] },
      'accountIds[2] "210987654321" duplicates accountIds[0]',
    ],
    [
      "the management account's own id",
      { accountIds: ["210987654321", management], managementAccountId: management },
      'accountIds[1] "123456789012" is the organization\'s management account (managementAccountId): AWS rejects its own id as an accountId, so its contacts are set without one, by alternateContacts',
    ],
    [
      "a bad management account id",
      { accountIds: ["210987654321"], managementAccountId: "1234" },
      'managementAccountId must be a 12-digit AWS account id; got "1234"',
    ],
    [
      "no list",
      { accountIds: "210987654321" },
      'accountIds must be a list of 12-digit AWS account ids; got "210987654321"',
    ],
    [
      "an accountId inside the contacts",
      { accountIds: ["210987654321"], contacts: { ...contacts, accountId: "210987654321" } },
      "contacts.accountId is not a known setting; allowed keys of contacts: billing, operations, security",
    ],
    [
      "contacts without the security contact",
      { accountIds: ["210987654321"], contacts: { billing: contact("Billing") } },
      "contacts.security is required: give a contact { name, title, emailAddress, phoneNumber }, or false to leave the security contact out deliberately",
    ],
    [
      "a bad contact and a bad id together",
      {
        accountIds: ["1"],
        contacts: { ...contacts, security: { ...contact("Security"), emailAddress: "nobody" } },
      },
      [
        'accountIds[0] must be a 12-digit AWS account id; got "1"',
        `contacts.security.emailAddress must be ${EMAIL_RULE}; got "nobody"`,
      ].join("\n"),
    ],
  ];
  for (const [what, args, message] of rejected) {
    it(`rejects ${what} before any account's contacts register`, async () => {
      const monitor = installMocks();
      assert.throws(build(args), (err: Error) => {
        assert.ok(err instanceof c.ValidationError);
        assert.strictEqual(err.message, message);
        return true;
      });
      await monitor.settled();
      assert.deepStrictEqual(monitor.resources, []);
    });
  }
});
