import * as assert from "assert";
import fc from "fast-check";
import { accountId, emailAddress, phoneNumber, userName } from "../../components/validation/aws";
import { checkAdminAccessArgs } from "../../components/validation/adminAccess";
import { Issues } from "../../components/validation/checks";
import { checkPasswordPolicyArgs } from "../../components/validation/passwordPolicy";

/** Runs one check on a fresh collector: [result, messages]. */
function run<T>(check: (issues: Issues, path: string, value: unknown) => T, value: unknown): [T, number] {
  const issues = new Issues();
  const result = check(issues, "field", value);
  return [result, issues.count];
}

const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet.split("")), { minLength: min, maxLength: max }).map((a) => a.join(""));
const nameAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-";

describe("validators (property-based)", () => {
  for (const [field, min, max] of [
    ["minimumLength", 6, 128],
    ["reusePrevention", 1, 24],
    ["maxAgeDays", 1, 1095],
  ] as const) {
    it(`${field}: accepts every integer from ${min} to ${max}, rejects every other number`, () => {
      fc.assert(
        fc.property(fc.integer({ min, max }), (n) => {
          const issues = new Issues();
          assert.strictEqual(checkPasswordPolicyArgs(issues, { [field]: n })?.[field], n);
          assert.strictEqual(issues.count, 0);
        }),
      );
      fc.assert(
        fc.property(
          fc.oneof(
            fc.integer({ max: min - 1 }),
            fc.integer({ min: max + 1 }),
            fc.double({ noInteger: true }),
          ),
          (n) => {
            const issues = new Issues();
            assert.strictEqual(checkPasswordPolicyArgs(issues, { [field]: n }), undefined);
            assert.strictEqual(issues.count, 1);
          },
        ),
      );
    });
  }

  it("user names: accepts 1 to 64 allowed characters, rejects longer names and any other character", () => {
    fc.assert(
      fc.property(chars(nameAlphabet, 1, 64), (name) =>
        assert.deepStrictEqual(run(userName, name), [name, 0]),
      ),
    );
    fc.assert(
      fc.property(chars(nameAlphabet, 65, 100), (name) =>
        assert.deepStrictEqual(run(userName, name), [undefined, 1]),
      ),
    );
    fc.assert(
      fc.property(
        chars(nameAlphabet, 0, 30),
        fc.string({ minLength: 1, maxLength: 1 }).filter((ch) => !nameAlphabet.includes(ch)),
        chars(nameAlphabet, 0, 30),
        (before, bad, after) => assert.deepStrictEqual(run(userName, before + bad + after), [undefined, 1]),
      ),
    );
  });

  it("admin lists: valid iff the user names are unique ignoring case", () => {
    fc.assert(
      fc.property(fc.array(chars("abAB", 1, 3), { minLength: 1, maxLength: 6 }), (names) => {
        const issues = new Issues();
        const result = checkAdminAccessArgs(issues, { users: names.map((userName) => ({ userName })) });
        const unique = new Set(names.map((n) => n.toLowerCase())).size === names.length;
        assert.strictEqual(result !== undefined, unique);
        assert.strictEqual(issues.count, names.length - new Set(names.map((n) => n.toLowerCase())).size);
      }),
    );
  });

  it("e-mail addresses: accepts exactly PutAlternateContact's pattern (ASCII), up to 254 characters", () => {
    const word = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    const localAlphabet = `${word}+=.#|!&-`;
    const domainAlphabet = `${word}.-`;
    const address = fc
      .tuple(chars(localAlphabet, 1, 30), chars(domainAlphabet, 1, 30), chars(word, 1, 10))
      .map(([local, domain, last]) => `${local}@${domain}.${last}`);
    fc.assert(fc.property(address, (a) => assert.deepStrictEqual(run(emailAddress, a), [a, 0])));
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes("@")),
        (s) => assert.deepStrictEqual(run(emailAddress, s), [undefined, 1]),
      ),
    );
    // Any one character AWS does not allow where it is put: a space, ' % ~, non-ASCII, a second @.
    const outside = (alphabet: string) =>
      fc
        .oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom(" ", "'", "%", "~", "\u00fc", "@"))
        .filter((ch) => !alphabet.includes(ch));
    fc.assert(
      fc.property(address, outside(localAlphabet), fc.nat(), (a, bad, i) => {
        const local = a.slice(0, a.indexOf("@"));
        const at = i % (local.length + 1);
        const broken = `${local.slice(0, at)}${bad}${a.slice(at)}`;
        assert.deepStrictEqual(run(emailAddress, broken), [undefined, 1], broken);
      }),
    );
    fc.assert(
      fc.property(address, outside(domainAlphabet), fc.nat(), (a, bad, i) => {
        const domainStart = a.indexOf("@") + 1;
        const at = domainStart + (i % (a.length - domainStart + 1));
        const broken = `${a.slice(0, at)}${bad}${a.slice(at)}`;
        assert.deepStrictEqual(run(emailAddress, broken), [undefined, 1], broken);
      }),
    );
    // The part after the last dot is letters, digits and _ only (no "co-uk"), and there must be one.
    fc.assert(
      fc.property(address, chars(word, 0, 5), chars(word, 0, 5), (a, x, y) => {
        assert.deepStrictEqual(run(emailAddress, `${a}-${x}${y}`), [undefined, 1]);
        assert.deepStrictEqual(run(emailAddress, `${a}.`), [undefined, 1]);
        assert.deepStrictEqual(run(emailAddress, `${a.slice(0, a.indexOf("@") + 1)}${x}${y}`), [
          undefined,
          1,
        ]);
      }),
    );
    // Length: every valid address up to 254 characters passes, from 255 on it fails.
    fc.assert(
      fc.property(address, fc.integer({ min: 0, max: 300 }), (a, n) => {
        const long = `${"a".repeat(n)}${a}`;
        assert.deepStrictEqual(run(emailAddress, long), long.length <= 254 ? [long, 0] : [undefined, 1]);
      }),
    );
  });

  it("phone numbers: accepts 1 to 25 of digits, spaces and ( ) + - with a digit; rejects letters and length 26+", () => {
    const phone = fc
      .tuple(chars("0123456789", 1, 1), chars("0123456789 ()+-", 0, 24))
      .map(([digit, rest]) => digit + rest);
    fc.assert(fc.property(phone, (p) => assert.deepStrictEqual(run(phoneNumber, p), [p, 0])));
    fc.assert(
      fc.property(chars("0123456789", 26, 40), (p) =>
        assert.deepStrictEqual(run(phoneNumber, p), [undefined, 1]),
      ),
    );
    fc.assert(
      fc.property(phone, chars("abcxyzABCXYZ#*./", 1, 3), (p, letters) =>
        assert.deepStrictEqual(run(phoneNumber, (p + letters).slice(-25)), [undefined, 1]),
      ),
    );
  });

  it("account ids: accepts exactly 12 digits, rejects any other length", () => {
    fc.assert(
      fc.property(chars("0123456789", 12, 12), (id) => assert.deepStrictEqual(run(accountId, id), [id, 0])),
    );
    fc.assert(
      fc.property(
        chars("0123456789", 0, 30).filter((id) => id.length !== 12),
        (id) => assert.deepStrictEqual(run(accountId, id), [undefined, 1]),
      ),
    );
  });
});
