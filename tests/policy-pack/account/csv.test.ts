import * as assert from "assert";
import fc from "fast-check";
import {
  CredentialReportError,
  parseCredentialReport,
  requiredColumns,
} from "../../../policy-pack/account/csv";
import { columns, credentialReportCsv, generatedUsers, UserSpec } from "../../support/credentialReport";

const NOW = new Date("2026-11-20T12:00:00Z");
const ACCOUNT = "123456789012";
const users: UserSpec[] = [
  {
    name: "bob",
    createdAt: "2021-06-14T12:00:00+00:00",
    password: { lastUsed: "2026-11-18T17:20:00+00:00", lastChanged: "2026-10-01T12:00:00+00:00" },
    mfa: false,
    keys: [{ active: true, lastRotated: "2025-10-16T12:00:00+00:00", lastUsed: "2026-11-19T22:10:00+00:00" }],
  },
  {
    name: "grace",
    createdAt: "2013-07-01T10:00:00+00:00",
    password: { lastUsed: "no_information", lastChanged: "2014-02-11T10:00:00+00:00" },
    mfa: true,
  },
  {
    name: "svc",
    createdAt: "2024-02-01T08:00:00+00:00",
    keys: [undefined, { active: true, lastRotated: "2026-09-21T08:00:00+00:00" }],
  },
];
const csv = (shape = {}) => credentialReportCsv(ACCOUNT, { passwordLastUsed: "N/A" }, users, shape);

function rejects(text: string, message: RegExp): void {
  assert.throws(
    () => parseCredentialReport(text),
    (e: unknown) => e instanceof CredentialReportError && message.test(e.message),
  );
}

describe("credential report CSV", () => {
  it("types every value, including N/A, no_information and not_supported", () => {
    const r = parseCredentialReport(csv());
    assert.strictEqual(r.accountId, ACCOUNT);
    const [root, bob, grace, svc] = r.users;
    assert.deepStrictEqual(
      [root.user, root.isRoot, root.passwordEnabled, root.passwordLastUsed, root.passwordLastChanged],
      ["<root_account>", true, "not_supported", "never", null],
    );
    assert.deepStrictEqual(bob.accessKeys[0], {
      number: 1,
      active: true,
      lastRotated: new Date("2025-10-16T12:00:00Z"),
      lastUsed: new Date("2026-11-19T22:10:00Z"),
    });
    assert.deepStrictEqual([bob.passwordEnabled, bob.mfaActive, bob.line], [true, false, 3]);
    assert.strictEqual(grace.passwordLastUsed, "no_information");
    assert.deepStrictEqual(grace.passwordLastChanged, new Date("2014-02-11T10:00:00Z"));
    assert.deepStrictEqual(
      [svc.passwordEnabled, svc.passwordLastUsed, svc.accessKeys[0].active],
      [false, "never", false],
    );
    assert.deepStrictEqual(svc.accessKeys[1], {
      number: 2,
      active: true,
      lastRotated: new Date("2026-09-21T08:00:00Z"),
      lastUsed: null,
    });
  });

  it("accepts CRLF, a BOM, an extra column and reordered columns with the same result", () => {
    const plain = parseCredentialReport(csv()).users;
    for (const shape of [
      { crlf: true },
      { bom: true },
      { extraColumn: true },
      { reversed: true },
      { crlf: true, bom: true, extraColumn: true, reversed: true },
    ]) {
      assert.deepStrictEqual(parseCredentialReport(csv(shape)).users, plain, JSON.stringify(shape));
    }
  });

  it("accepts Buffer / Uint8Array content (GetCredentialReport's Content)", () => {
    assert.deepStrictEqual(
      parseCredentialReport(new TextEncoder().encode(csv())),
      parseCredentialReport(csv()),
    );
  });

  it("rejects missing required columns, naming every one", () => {
    const header = columns.filter((c) => c !== "mfa_active" && c !== "access_key_2_active").join(",");
    rejects(
      `${header}\n`,
      /^credential report is missing required columns: mfa_active, access_key_2_active$/,
    );
    rejects("name,email\nbob,b@example.com\n", /missing required columns: user, arn, user_creation_time/);
  });

  it("rejects malformed values naming line and column", () => {
    rejects(
      csv().replace(
        "bob,arn:aws:iam::123456789012:user/bob,2021-06-14T12:00:00+00:00,true",
        "bob,arn:aws:iam::123456789012:user/bob,2021-06-14T12:00:00+00:00,yes",
      ),
      /^credential report line 3, column password_enabled: expected true, false or not_supported, got "yes"$/,
    );
    rejects(
      csv().replace("2025-10-16T12:00:00+00:00", "last tuesday"),
      /line 3, column access_key_1_last_rotated: expected an ISO 8601 time/,
    );
    rejects(
      csv().replace("2025-10-16T12:00:00+00:00", "2025-13-45T99:00:00+00:00"),
      /line 3, column access_key_1_last_rotated/,
    );
  });

  it("rejects a row with the wrong number of fields, an empty file, a duplicate user and broken quoting", () => {
    rejects(`${csv()}extra,row\n`, /^credential report is not valid CSV: .*(Invalid Record Length|record)/i);
    rejects("", /credential report is empty/);
    rejects("\ufeff\r\n", /credential report is empty/);
    const dup = csv().split("\n");
    rejects([...dup.slice(0, 3), dup[2], ...dup.slice(3)].join("\n"), /line 4: user "bob" appears twice/);
    rejects(`${columns.join(",")}\n"unterminated,${"x,".repeat(21)}\n`, /not valid CSV/);
  });

  it("reads a header-only report as no users and no account id", () => {
    assert.deepStrictEqual(parseCredentialReport(`${columns.join(",")}\n`), { accountId: null, users: [] });
  });

  describe("properties (fast-check)", () => {
    const shapeArb = fc.record({
      crlf: fc.boolean(),
      bom: fc.boolean(),
      extraColumn: fc.boolean(),
      reversed: fc.boolean(),
    });

    it("any generated report parses to one row per user, whatever its shape", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 60 }), shapeArb, (n, shape) => {
          const generated = generatedUsers(n, NOW);
          const r = parseCredentialReport(credentialReportCsv(ACCOUNT, {}, generated, shape));
          assert.strictEqual(r.users.length, n + 1);
          assert.deepStrictEqual(
            r.users.slice(1).map((u) => u.user),
            generated.map((u) => u.name),
          );
          r.users.slice(1).forEach((u, i) => {
            assert.strictEqual(u.passwordEnabled, generated[i].password !== undefined);
            assert.strictEqual(u.accessKeys[0].active, generated[i].keys?.[0]?.active ?? false);
          });
        }),
        { numRuns: 60 },
      );
    });

    it("dropping any non-empty set of required columns is rejected naming exactly those", () => {
      fc.assert(
        fc.property(fc.subarray([...requiredColumns], { minLength: 1 }), (dropped) => {
          const header = columns.filter((c) => !(dropped as string[]).includes(c)).join(",");
          rejects(`${header}\n`, new RegExp(`missing required columns?: ${dropped.join(", ")}$`));
        }),
      );
    });

    it("arbitrary text never fails with anything but a CredentialReportError", () => {
      const header = columns.join(",");
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.string().map((s) => `${header}\n${s}`),
            fc.string().map((s) => `${header}\n<root_account>,${s}`),
          ),
          (text) => {
            try {
              parseCredentialReport(text);
            } catch (e) {
              assert.ok(e instanceof CredentialReportError, String(e));
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
