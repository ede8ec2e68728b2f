import * as assert from "assert";
import { contact, organizationInvokes } from "../support/fixtures";
import type { Invoke } from "../../tools/mockEngine";
import { execute, prepare, runProgramWithOutputs } from "../../tools/runProgram";
import { example, ns, readConfig, StackFiles } from "./stackFiles";

const files = new StackFiles();
const stackContacts = readConfig(example)[ns("alternateContacts")] as Record<string, Record<string, string>>;
const organization = (value: unknown) => files.write({ [ns("organization")]: value });

const getOrganization = "aws:organizations/getOrganization:getOrganization";
const getCallerIdentity = "aws:index/getCallerIdentity:getCallerIdentity";
const management = "123456789012";
const org = (caller?: string) =>
  organizationInvokes({
    management,
    caller,
    members: [
      { id: "111111111111", state: "ACTIVE" },
      { id: "222222222222", state: "ACTIVE" },
      { id: "333333333333", state: "ACTIVE" },
      { id: "444444444444", state: "SUSPENDED" },
    ],
  });
const contactType = "aws:account/alternativeContact:AlternativeContact";

async function run(file: string, invokes: Record<string, Invoke> = org()) {
  const monitor = prepare(file, { invokes });
  const { resources, stackOutputs } = await execute(monitor);
  const contacts = resources.filter((r) => r.type === contactType);
  return { monitor, resources, stackOutputs, contacts };
}

/** [name, accountId] of every AlternativeContact, in registration order. */
const targets = (contacts: { name: string; inputs: Record<string, unknown> }[]) =>
  contacts.map((r) => [r.name, r.inputs.accountId]);

describe("the program in organization mode", () => {
  after(() => files.remove());

  it("sets the stack's contacts on each listed member by accountId, and the management account's own without one", async () => {
    const { monitor, contacts, stackOutputs } = await run(
      organization({ memberAccounts: ["210987654321", "012345678901"] }),
    );
    assert.deepStrictEqual(targets(contacts), [
      ["baseline-contacts-billing", undefined],
      ["baseline-contacts-operations", undefined],
      ["baseline-contacts-security", undefined],
      ["organization-contacts-210987654321-billing", "210987654321"],
      ["organization-contacts-210987654321-operations", "210987654321"],
      ["organization-contacts-210987654321-security", "210987654321"],
      ["organization-contacts-012345678901-billing", "012345678901"],
      ["organization-contacts-012345678901-operations", "012345678901"],
      ["organization-contacts-012345678901-security", "012345678901"],
    ]);
    const security = contacts.find((r) => r.name === "organization-contacts-012345678901-security");
    assert.deepStrictEqual(security?.inputs, {
      alternateContactType: "SECURITY",
      ...stackContacts.security,
      accountId: "012345678901",
    });
    assert.ok(contacts.every((r) => r.retainOnDelete === true));
    // A list needs only the management account's id: no account listing.
    assert.deepStrictEqual(monitor.invokes.map((i) => [i.token, i.inputs]).sort(), [
      [getCallerIdentity, {}],
      [getOrganization, { returnOrganizationOnly: true }],
    ]);
    assert.deepStrictEqual(stackOutputs.memberAccountIds, ["210987654321", "012345678901"]);
    assert.strictEqual(stackOutputs.managementAccountId, management);
  });

  it('"all": every ACTIVE member but the excluded, never the management account or a SUSPENDED one', async () => {
    const { monitor, contacts, stackOutputs } = await run(
      organization({
        memberAccounts: "all",
        excludeAccounts: ["222222222222"],
        alternateContacts: { security: contact("Security") },
      }),
    );
    assert.deepStrictEqual(targets(contacts).slice(3), [
      ["organization-contacts-111111111111-security", "111111111111"],
      ["organization-contacts-333333333333-security", "333333333333"],
    ]);
    assert.deepStrictEqual(contacts[4].inputs, {
      alternateContactType: "SECURITY",
      ...contact("Security"),
      accountId: "333333333333",
    });
    assert.deepStrictEqual(stackOutputs.memberAccountIds, ["111111111111", "333333333333"]);
    assert.deepStrictEqual(monitor.invokes.map((i) => [i.token, i.inputs]).sort(), [
      [getCallerIdentity, {}],
      [getOrganization, {}],
    ]);
  });

  it('"all" from a delegated administrator: its own account keeps its contacts without an accountId', async () => {
    const { contacts } = await run(organization({ memberAccounts: "all" }), org("222222222222"));
    assert.deepStrictEqual(
      [...new Set(contacts.map((r) => r.inputs.accountId))],
      [undefined, "111111111111", "333333333333"],
    );
  });

  it("inherits retainOnDelete: false, and manages no member when the stack's contacts are false but the organization's are given", async () => {
    const { contacts } = await run(
      files.write({
        [ns("retainOnDelete")]: false,
        [ns("alternateContacts")]: false,
        [ns("organization")]: { memberAccounts: ["210987654321"], alternateContacts: { security: false } },
      }),
    );
    assert.deepStrictEqual(contacts, []);
    const { contacts: some } = await run(
      files.write({
        [ns("retainOnDelete")]: false,
        [ns("organization")]: { memberAccounts: ["210987654321"] },
      }),
    );
    assert.deepStrictEqual(
      some.map((r) => r.retainOnDelete),
      [false, false, false, false, false, false],
    );
  });

  it("enables centralized root access with exact inputs, reading nothing from Organizations", async () => {
    const { resources, stackOutputs, monitor } = await run(organization({ centralizedRootAccess: true }), {});
    const features = resources.filter(
      (r) => r.type === "aws:iam/organizationsFeatures:OrganizationsFeatures",
    );
    assert.deepStrictEqual(
      features.map((r) => [r.name, r.inputs, r.retainOnDelete]),
      [
        [
          "centralized-root-access-features",
          { enabledFeatures: ["RootCredentialsManagement", "RootSessions"] },
          true,
        ],
      ],
    );
    assert.deepStrictEqual(monitor.invokes, []);
    assert.deepStrictEqual(stackOutputs.centralizedRootAccessFeatures, [
      "RootCredentialsManagement",
      "RootSessions",
    ]);
    assert.strictEqual(stackOutputs.memberAccountIds, undefined);
  });

  it("fails, registering nothing, when the program's invokes are not answered", async () => {
    const monitor = prepare(organization({ memberAccounts: "all" }), { invokes: {} });
    // The two reads run together; whichever is refused first fails the run.
    await assert.rejects(
      execute(monitor),
      /^Error: unexpected invoke aws:(organizations\/getOrganization:getOrganization|index\/getCallerIdentity:getCallerIdentity)$/,
    );
    assert.deepStrictEqual(
      monitor.resources.map((r) => r.type),
      ["pulumi:pulumi:Stack"],
    );
  });

  const rejected: [string, Record<string, unknown>, string, string?][] = [
    [
      "an 11-digit member id",
      { memberAccounts: ["21098765432"] },
      'organization.memberAccounts[0] must be a 12-digit AWS account id; got "21098765432"',
    ],
    [
      "a 13-digit member id",
      { memberAccounts: ["210987654321", "2109876543210"] },
      'organization.memberAccounts[1] must be a 12-digit AWS account id; got "2109876543210"',
    ],
    [
      "letters in an id",
      { memberAccounts: ["21098765432O"] },
      'organization.memberAccounts[0] must be a 12-digit AWS account id; got "21098765432O"',
    ],
    [
      "an unquoted id (a YAML number)",
      { memberAccounts: [210987654321] },
      "organization.memberAccounts[0] must be a 12-digit AWS account id as text (quote it in YAML); got 210987654321",
    ],
    [
      "a duplicate",
      { memberAccounts: ["210987654321", "210987654321"] },
      'organization.memberAccounts[1] "210987654321" duplicates organization.memberAccounts[0]',
    ],
    [
      "an empty list",
      { memberAccounts: [] },
      'organization.memberAccounts must be "all" or a non-empty list of 12-digit AWS account ids; got []',
    ],
    [
      "neither all nor a list",
      { memberAccounts: "every" },
      'organization.memberAccounts must be "all" or a non-empty list of 12-digit AWS account ids; got "every"',
    ],
    [
      "exclusions with a list",
      { memberAccounts: ["210987654321"], excludeAccounts: ["012345678901"] },
      "organization.excludeAccounts applies only with organization.memberAccounts: all; list the accounts you want instead",
    ],
    [
      "a bad exclusion",
      { memberAccounts: "all", excludeAccounts: ["12345"] },
      'organization.excludeAccounts[0] must be a 12-digit AWS account id; got "12345"',
    ],
    [
      "an unknown key",
      { memberAccounts: "all", accounts: ["210987654321"] },
      "organization.accounts is not a known setting; allowed keys of organization: memberAccounts, excludeAccounts, alternateContacts, centralizedRootAccess",
    ],
    [
      "an accountId in the members' contacts",
      {
        memberAccounts: "all",
        alternateContacts: { security: contact("Security"), accountId: "210987654321" },
      },
      "organization.alternateContacts.accountId is not a known setting; allowed keys of organization.alternateContacts: billing, operations, security",
    ],
    [
      "members' contacts without members",
      { alternateContacts: { security: contact("Security") }, centralizedRootAccess: true },
      'organization.alternateContacts needs organization.memberAccounts: "all" or a list of account ids',
    ],
    [
      "a setting that manages nothing",
      { centralizedRootAccess: false },
      "organization manages nothing: set organization.memberAccounts or organization.centralizedRootAccess: true",
    ],
    [
      "not an object",
      "all" as unknown as Record<string, unknown>,
      'organization must be an object { memberAccounts?: "all" | [ids], excludeAccounts?, alternateContacts?, centralizedRootAccess? }; got "all"',
    ],
    [
      "a non-boolean root-access flag",
      { centralizedRootAccess: "yes" },
      'organization.centralizedRootAccess must be true or false; got "yes"',
    ],
  ];
  for (const [what, value, message] of rejected) {
    it(`rejects ${what}, with the exact message, before any invoke or resource`, async () => {
      const monitor = prepare(organization(value), { invokes: org() });
      await assert.rejects(execute(monitor), { name: "ValidationError", message });
      assert.deepStrictEqual(monitor.invokes, []);
      assert.deepStrictEqual(
        monitor.resources.map((r) => r.type),
        ["pulumi:pulumi:Stack"],
      );
    });
  }

  const refusedByOrganization: [string, Record<string, unknown>, string, string?][] = [
    [
      "the management account listed",
      { memberAccounts: ["210987654321", management] },
      'organization.memberAccounts[1] "123456789012" is the organization\'s management account (read from Organizations): AWS rejects its own id as an accountId, so its contacts are set without one, by alternateContacts',
    ],
    [
      "the stack's own (delegated administrator) account listed",
      { memberAccounts: ["222222222222"] },
      'organization.memberAccounts[0] "222222222222" is this stack\'s own account: its contacts are set without an accountId, by alternateContacts',
      "222222222222",
    ],
    [
      "an exclusion that is not in the organization (a typo would set contacts on the account meant)",
      { memberAccounts: "all", excludeAccounts: ["222222222222", "222222222223"] },
      'organization.excludeAccounts[1] "222222222223" is not an account of the organization; check for a typo',
    ],
  ];
  for (const [what, value, message, caller] of refusedByOrganization) {
    it(`rejects ${what}, after reading the organization, before any resource`, async () => {
      const monitor = prepare(organization(value), { invokes: org(caller) });
      await assert.rejects(execute(monitor), { name: "ValidationError", message });
      assert.deepStrictEqual(
        monitor.resources.map((r) => r.type),
        ["pulumi:pulumi:Stack"],
      );
    });
  }

  it("needs the members' contacts when the stack's own are false, and reports every problem at once", async () => {
    const monitor = prepare(
      files.write({
        [ns("alternateContacts")]: false,
        [ns("passwordPolicy")]: { minimumLength: 5 },
        [ns("organization")]: { memberAccounts: ["1"] },
      }),
    );
    await assert.rejects(execute(monitor), {
      message: [
        "passwordPolicy.minimumLength must be an integer from 6 to 128; got 5",
        'organization.memberAccounts[0] must be a 12-digit AWS account id; got "1"',
        "organization.alternateContacts is required when alternateContacts is false: the member accounts need { billing?, operations?, security }",
      ].join("\n"),
    });
  });

  it("suspended and excluded accounts are skipped in the outputs too (exact stack outputs)", async () => {
    const { stackOutputs } = await runProgramWithOutputs(
      organization({ memberAccounts: "all", excludeAccounts: ["111111111111"], centralizedRootAccess: true }),
      { invokes: org() },
    );
    const { initialPasswords, ...plain } = stackOutputs;
    assert.ok(initialPasswords !== undefined);
    assert.deepStrictEqual(plain, {
      adminGroupName: "Administrators",
      adminGroupArn: "arn:aws:iam::123456789012:group/Administrators",
      adminUserNames: ["alice.admin", "bob.admin"],
      memberAccountIds: ["222222222222", "333333333333"],
      managementAccountId: management,
      centralizedRootAccessFeatures: ["RootCredentialsManagement", "RootSessions"],
    });
  });
});
