import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import type * as Components from "../../components";
import { contact, contacts } from "../support/fixtures";
import { EMAIL_RULE } from "./emailRule";
import { installMocks } from "../../tools/mockEngine";
import { ARMORED, LITERAL_DATA_BASE64, PUBLIC_KEY_BASE64, SECRET_KEY_BASE64 } from "./pgpKeys";

type C = typeof Components;
type Build = (c: C) => unknown;

const x = (n: number) => "x".repeat(n);
const email = (n: number) => `${x(n - "@example.com".length)}@example.com`;
const phone = (n: number) => "5".repeat(n);
const users = [{ userName: "alice" }];

const passwordPolicy =
  (args: object): Build =>
  (c) =>
    new c.PasswordPolicy("p", args as Components.PasswordPolicyArgs);
const security =
  (field: string, value: unknown): Build =>
  (c) =>
    new c.AlternateContacts("ac", { ...contacts, security: { ...contact("Security"), [field]: value } });
const alternate =
  (args: object): Build =>
  (c) =>
    new c.AlternateContacts("ac", args as Components.AlternateContactsArgs);
const admin =
  (args: object): Build =>
  (c) =>
    new c.AdminAccess("a", { users, ...args } as Components.AdminAccessArgs);
const userName = (name: unknown): Build => admin({ users: [{ userName: name }] });
const pgp = (pgpKey: unknown): Build => admin({ users: [{ userName: "alice", pgpKey }] });
const PGP_FORM =
  "keybase:<username> (2 to 16 letters, digits, _) or a base64-encoded OpenPGP public key (gpg --export <key-id> | base64 -w0)";
const baseline =
  (args: object): Build =>
  (c) =>
    new c.AccountBaseline("b", args as Components.AccountBaselineArgs);

/** [what, build, the exact message or undefined when the input is valid]. */
const cases: [string, Build, string | undefined][] = [
  // Password policy: both sides of every AWS limit.
  [
    "minimumLength 5",
    passwordPolicy({ minimumLength: 5 }),
    "passwordPolicy.minimumLength must be an integer from 6 to 128; got 5",
  ],
  ["minimumLength 6", passwordPolicy({ minimumLength: 6 }), undefined],
  ["minimumLength 128", passwordPolicy({ minimumLength: 128 }), undefined],
  [
    "minimumLength 129",
    passwordPolicy({ minimumLength: 129 }),
    "passwordPolicy.minimumLength must be an integer from 6 to 128; got 129",
  ],
  [
    "minimumLength 14.5",
    passwordPolicy({ minimumLength: 14.5 }),
    "passwordPolicy.minimumLength must be an integer from 6 to 128; got 14.5",
  ],
  [
    'minimumLength "14"',
    passwordPolicy({ minimumLength: "14" }),
    'passwordPolicy.minimumLength must be an integer from 6 to 128; got "14"',
  ],
  [
    "reusePrevention 0",
    passwordPolicy({ reusePrevention: 0 }),
    "passwordPolicy.reusePrevention must be an integer from 1 to 24; got 0",
  ],
  ["reusePrevention 1", passwordPolicy({ reusePrevention: 1 }), undefined],
  ["reusePrevention 24", passwordPolicy({ reusePrevention: 24 }), undefined],
  [
    "reusePrevention 25",
    passwordPolicy({ reusePrevention: 25 }),
    "passwordPolicy.reusePrevention must be an integer from 1 to 24; got 25",
  ],
  [
    "maxAgeDays 0",
    passwordPolicy({ maxAgeDays: 0 }),
    "passwordPolicy.maxAgeDays must be an integer from 1 to 1095; got 0",
  ],
  ["maxAgeDays 1", passwordPolicy({ maxAgeDays: 1 }), undefined],
  ["maxAgeDays 1095", passwordPolicy({ maxAgeDays: 1095 }), undefined],
  [
    "maxAgeDays 1096",
    passwordPolicy({ maxAgeDays: 1096 }),
    "passwordPolicy.maxAgeDays must be an integer from 1 to 1095; got 1096",
  ],
  [
    'requireSymbols "yes"',
    passwordPolicy({ requireSymbols: "yes" }),
    'passwordPolicy.requireSymbols must be true or false; got "yes"',
  ],
  [
    "hardExpiry null",
    passwordPolicy({ hardExpiry: null }),
    "passwordPolicy.hardExpiry must be true or false; got null",
  ],
  [
    "unknown password-policy key",
    passwordPolicy({ minLength: 14 }),
    "passwordPolicy.minLength is not a known setting; allowed keys of passwordPolicy: minimumLength, reusePrevention, maxAgeDays, requireUppercase, requireLowercase, requireNumbers, requireSymbols, allowUsersToChange, hardExpiry, retainOnDelete",
  ],
  // Contacts.
  [
    "empty name",
    security("name", ""),
    'alternateContacts.security.name must be a non-blank string of at most 64 characters; got ""',
  ],
  [
    "blank name",
    security("name", "  "),
    'alternateContacts.security.name must be a non-blank string of at most 64 characters; got "  "',
  ],
  ["64-char name", security("name", x(64)), undefined],
  [
    "65-char name",
    security("name", x(65)),
    `alternateContacts.security.name must be a non-blank string of at most 64 characters; got "${x(65)}"`,
  ],
  [
    "missing title",
    security("title", undefined),
    "alternateContacts.security.title must be a non-blank string of at most 50 characters; got undefined",
  ],
  ["50-char title", security("title", x(50)), undefined],
  [
    "51-char title",
    security("title", x(51)),
    `alternateContacts.security.title must be a non-blank string of at most 50 characters; got "${x(51)}"`,
  ],
  [
    "e-mail without @",
    security("emailAddress", "security.example.com"),
    `alternateContacts.security.emailAddress must be ${EMAIL_RULE}; got "security.example.com"`,
  ],
  [
    "e-mail with a space",
    security("emailAddress", "sec urity@example.com"),
    `alternateContacts.security.emailAddress must be ${EMAIL_RULE}; got "sec urity@example.com"`,
  ],
  [
    "e-mail without a domain dot",
    security("emailAddress", "security@localhost"),
    `alternateContacts.security.emailAddress must be ${EMAIL_RULE}; got "security@localhost"`,
  ],
  ...[
    ["an apostrophe", "o'brien@example.com"],
    ["a percent sign", "a%b@example.com"],
    ["a tilde", "a~b@example.com"],
    ["a non-ASCII domain", "ops@m\u00fcnchen.de"],
    ["a hyphen in the last label", "ops@example.co-uk"],
  ].map(([what, address]): [string, Build, string] => [
    `e-mail with ${what} (PutAlternateContact rejects it)`,
    security("emailAddress", address),
    `alternateContacts.security.emailAddress must be ${EMAIL_RULE}; got ${JSON.stringify(address)}`,
  ]),
  ...["first.last+aws=ops#1|x!y&z-_@mail-1.example.co.uk", "A_1@x.io"].map(
    (address): [string, Build, undefined] => [
      `e-mail ${address} (every character AWS allows)`,
      security("emailAddress", address),
      undefined,
    ],
  ),
  ["254-char e-mail", security("emailAddress", email(254)), undefined],
  [
    "255-char e-mail",
    security("emailAddress", email(255)),
    `alternateContacts.security.emailAddress must be ${EMAIL_RULE}; got "${email(255)}"`,
  ],
  ["25-char phone", security("phoneNumber", phone(25)), undefined],
  [
    "26-char phone",
    security("phoneNumber", phone(26)),
    `alternateContacts.security.phoneNumber must be a phone number of at most 25 characters: at least one digit, and only digits, spaces and ( ) + -; got "${phone(26)}"`,
  ],
  [
    "phone with letters",
    security("phoneNumber", "+1 555 CALL"),
    'alternateContacts.security.phoneNumber must be a phone number of at most 25 characters: at least one digit, and only digits, spaces and ( ) + -; got "+1 555 CALL"',
  ],
  [
    "phone without a digit",
    security("phoneNumber", "( )"),
    'alternateContacts.security.phoneNumber must be a phone number of at most 25 characters: at least one digit, and only digits, spaces and ( ) + -; got "( )"',
  ],
  [
    "phone as a number",
    security("phoneNumber", 5550100),
    "alternateContacts.security.phoneNumber must be a phone number of at most 25 characters: at least one digit, and only digits, spaces and ( ) + -; got 5550100",
  ],
  [
    "unknown contact key",
    security("phone", "+1 555 0100"),
    "alternateContacts.security.phone is not a known setting; allowed keys of alternateContacts.security: name, title, emailAddress, phoneNumber",
  ],
  [
    "security contact forgotten",
    alternate({ billing: contact("Billing") }),
    "alternateContacts.security is required: give a contact { name, title, emailAddress, phoneNumber }, or false to leave the security contact out deliberately",
  ],
  [
    "security contact true",
    alternate({ security: true }),
    "alternateContacts.security must be a contact { name, title, emailAddress, phoneNumber } or false; got true",
  ],
  [
    "11-digit account id",
    alternate({ ...contacts, accountId: "12345678901" }),
    'alternateContacts.accountId must be a 12-digit AWS account id; got "12345678901"',
  ],
  ["12-digit account id", alternate({ ...contacts, accountId: "123456789012" }), undefined],
  [
    "13-digit account id",
    alternate({ ...contacts, accountId: "1234567890123" }),
    'alternateContacts.accountId must be a 12-digit AWS account id; got "1234567890123"',
  ],
  [
    "unknown contacts key",
    alternate({ ...contacts, securityContact: contact("Security") }),
    "alternateContacts.securityContact is not a known setting; allowed keys of alternateContacts: billing, operations, security, accountId, retainOnDelete",
  ],
  // Admin access.
  [
    "empty admin list",
    admin({ users: [] }),
    "adminAccess.users must be a non-empty list of { userName, pgpKey? }; got []",
  ],
  [
    "no admin list",
    admin({ users: undefined }),
    "adminAccess.users must be a non-empty list of { userName, pgpKey? }; got undefined",
  ],
  ["64-char user name", userName(x(64)), undefined],
  [
    "65-char user name",
    userName(x(65)),
    `adminAccess.users[0].userName must be an IAM user name: 1 to 64 of letters, digits and + = , . @ _ -; got "${x(65)}"`,
  ],
  [
    "empty user name",
    userName(""),
    'adminAccess.users[0].userName must be an IAM user name: 1 to 64 of letters, digits and + = , . @ _ -; got ""',
  ],
  [
    "user name with a space",
    userName("alice admin"),
    'adminAccess.users[0].userName must be an IAM user name: 1 to 64 of letters, digits and + = , . @ _ -; got "alice admin"',
  ],
  [
    "user name with a slash",
    userName("ops/alice"),
    'adminAccess.users[0].userName must be an IAM user name: 1 to 64 of letters, digits and + = , . @ _ -; got "ops/alice"',
  ],
  ["every allowed punctuation", userName("a+b=c,d.e@f_g-h"), undefined],
  [
    "duplicate user names, ignoring case",
    admin({ users: [{ userName: "alice" }, { userName: "bob" }, { userName: "Alice" }] }),
    'adminAccess.users[2].userName "Alice" duplicates adminAccess.users[0].userName: IAM user names are unique ignoring case',
  ],
  [
    "unknown user key",
    admin({ users: [{ userName: "alice", pgp: "keybase:alice" }] }),
    "adminAccess.users[0].pgp is not a known setting; allowed keys of adminAccess.users[0]: userName, pgpKey",
  ],
  [
    "blank PGP key",
    admin({ users: [{ userName: "alice", pgpKey: " " }] }),
    `adminAccess.users[0].pgpKey must be ${PGP_FORM}; got " "`,
  ],
  ["keybase:<2 chars>", pgp("keybase:ab"), undefined],
  ["keybase:<16 chars>", pgp(`keybase:${x(16)}`), undefined],
  [
    "keybase:<17 chars>",
    pgp(`keybase:${x(17)}`),
    `adminAccess.users[0].pgpKey must be ${PGP_FORM}; got "keybase:${x(17)}"`,
  ],
  ["keybase:<1 char>", pgp("keybase:a"), `adminAccess.users[0].pgpKey must be ${PGP_FORM}; got "keybase:a"`],
  [
    "keybase: with a dot",
    pgp("keybase:al.ice"),
    `adminAccess.users[0].pgpKey must be ${PGP_FORM}; got "keybase:al.ice"`,
  ],
  ["a base64 OpenPGP public key", pgp(PUBLIC_KEY_BASE64), undefined],
  ["a base64 public key with line breaks", pgp(PUBLIC_KEY_BASE64.replace(/(.{64})/g, "$1\n")), undefined],
  [
    "an ASCII-armored key",
    pgp(ARMORED),
    `adminAccess.users[0].pgpKey must be ${PGP_FORM}, not an ASCII-armored block, which AWS does not accept; got ${JSON.stringify(ARMORED)}`,
  ],
  [
    "a base64 secret key",
    pgp(SECRET_KEY_BASE64),
    `adminAccess.users[0].pgpKey must be ${PGP_FORM}; this is a SECRET key: remove it from the config and rotate it; got "${SECRET_KEY_BASE64}"`,
  ],
  [
    "base64 that is not a key",
    pgp(LITERAL_DATA_BASE64),
    `adminAccess.users[0].pgpKey must be ${PGP_FORM}; this base64 does not decode to an OpenPGP public key; got "${LITERAL_DATA_BASE64}"`,
  ],
  ["a name, not a key", pgp("alice"), `adminAccess.users[0].pgpKey must be ${PGP_FORM}; got "alice"`],
  ["128-char group name", admin({ groupName: x(128) }), undefined],
  [
    "129-char group name",
    admin({ groupName: x(129) }),
    `adminAccess.groupName must be an IAM group name: 1 to 128 of letters, digits and + = , . @ _ -; got "${x(129)}"`,
  ],
  [
    "passwordLength 5",
    admin({ passwordLength: 5 }),
    "adminAccess.passwordLength must be an integer from 6 to 128; got 5",
  ],
  ["passwordLength 6", admin({ passwordLength: 6 }), undefined],
  // The baseline as a whole.
  [
    "alternateContacts forgotten",
    baseline({}),
    "alternateContacts is required: give { billing?, operations?, security }, or false to manage no contact deliberately",
  ],
  [
    "passwordPolicy true",
    baseline({ alternateContacts: false, passwordPolicy: true }),
    "passwordPolicy must be an object of password-policy settings, or false to leave the account's policy alone; got true",
  ],
  [
    "alternateContacts null",
    baseline({ alternateContacts: null }),
    "alternateContacts must be { billing?, operations?, security }, or false to manage no contact deliberately; got null",
  ],
  [
    "unknown baseline key",
    baseline({ alternateContacts: false, contacts }),
    "contacts is not a known setting; allowed keys: passwordPolicy, alternateContacts, adminAccess, supportRole, accessAnalyzer, retainOnDelete",
  ],
  [
    "admin passwords shorter than the policy allows",
    baseline({
      alternateContacts: false,
      passwordPolicy: { minimumLength: 24 },
      adminAccess: { users, passwordLength: 20 },
    }),
    "adminAccess.passwordLength must be at least passwordPolicy.minimumLength (24), or AWS rejects the generated passwords; got 20",
  ],
  [
    "baseline retainOnDelete 1",
    baseline({ alternateContacts: false, retainOnDelete: 1 }),
    "retainOnDelete must be true or false; got 1",
  ],
];

describe("argument validation", () => {
  let c: C;
  before(async () => {
    installMocks();
    c = await import("../../components");
  });

  for (const [what, build, message] of cases) {
    if (message === undefined) {
      it(`accepts ${what}`, async () => {
        const monitor = installMocks();
        build(c);
        await monitor.settled();
        assert.ok(
          monitor.resources.some((r) => r.custom),
          "registers its resources",
        );
      });
    } else {
      it(`rejects ${what}, naming the field, before registering anything`, async () => {
        const monitor = installMocks();
        assert.throws(
          () => build(c),
          (err: Error) => {
            assert.ok(err instanceof c.ValidationError);
            // The SDK prints a RunError's message alone: no stack, no dump of `issues`.
            assert.ok(pulumi.RunError.isInstance(err), "a pulumi RunError");
            // No stack trace to compute: under the engine's ts-node that cost ~30 s (source maps).
            assert.strictEqual(err.stack, `ValidationError: ${message}`);
            assert.deepStrictEqual(
              (err as InstanceType<typeof c.ValidationError>).issues,
              message.split("\n"),
            );
            assert.strictEqual(err.message, message);
            return true;
          },
        );
        await monitor.settled();
        assert.deepStrictEqual(monitor.resources, []);
      });
    }
  }
});
