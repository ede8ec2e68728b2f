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
      ["<root_account>", true, "not_supported", "N/A", null],
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
      [false, "N/A", false],
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
      /^credential report line 3, column password_enabled: expected true or false \(not_supported is for <root_account> only\), got "yes"$/,
    );
    rejects(
      csv().replace("root,2019-01-01T00:00:00+00:00,not_supported", "root,2019-01-01T00:00:00+00:00,yes"),
      /^credential report line 2, column password_enabled: expected true, false or not_supported, got "yes"$/,
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
    rejects(`${csv()}extra,row\n`, /^credential report line 6 has 2 fields; the header has 22$/);
    rejects("", /credential report is empty/);
    rejects("\ufeff\r\n", /credential report is empty/);
    const dup = csv().split("\n");
    rejects([...dup.slice(0, 3), dup[2], ...dup.slice(3)].join("\n"), /line 4: user "bob" appears twice/);
    rejects(`${columns.join(",")}\n"unterminated,${"x,".repeat(21)}\n`, /not valid CSV/);
  });

  it("accepts not_supported in password_enabled for <root_account> only, naming line and column", () => {
    assert.strictEqual(parseCredentialReport(csv()).users[0].passwordEnabled, "not_supported");
    rejects(
      csv().replace(
        "user/bob,2021-06-14T12:00:00+00:00,true",
        "user/bob,2021-06-14T12:00:00+00:00,not_supported",
      ),
      /^credential report line 3, column password_enabled: expected true or false \(not_supported is for <root_account> only\), got "not_supported"$/,
    );
    rejects(
      csv().replace(
        "user/svc,2024-02-01T08:00:00+00:00,false",
        "user/svc,2024-02-01T08:00:00+00:00,NOT_SUPPORTED",
      ),
      /^credential report line 5, column password_enabled: expected true or false/,
    );
  });

  it("reads a report without the <root_account> row (filtered, header-only, moto's): users kept, account from their ARNs", () => {
    const lines = csv().split("\n");
    const filtered = parseCredentialReport([lines[0], ...lines.slice(2)].join("\n"));
    assert.deepStrictEqual(
      filtered.users.map((u) => [u.user, u.isRoot, u.line]),
      [
        ["bob", false, 2],
        ["grace", false, 3],
        ["svc", false, 4],
      ],
    );
    assert.strictEqual(filtered.accountId, ACCOUNT);
    assert.deepStrictEqual(parseCredentialReport(`${columns.join(",")}\n`), { accountId: null, users: [] });
    assert.deepStrictEqual(parseCredentialReport(`\ufeff${columns.join(",")}\r\n\r\n`), {
      accountId: null,
      users: [],
    });
  });

  it("reads moto's report: no root row, not_supported where a user has no password and in columns not read", () => {
    const header = columns.join(",");
    const moto = [
      header,
      "alice,arn:aws:iam::123456789012:user/alice,2026-11-01T10:00:00+00:00,false,not_supported,2026-11-01T10:00:00+00:00,not_supported,false,true,2026-11-01T10:00:00+00:00,N/A,not_supported,not_supported,false,N/A,N/A,not_supported,not_supported,false,N/A,false,N/A",
      "bob,arn:aws:iam::123456789012:user/bob,2026-11-01T10:00:00+00:00,true,no_information,2026-11-01T10:00:00+00:00,not_supported,false,false,N/A,N/A,not_supported,not_supported,false,N/A,N/A,not_supported,not_supported,false,N/A,false,N/A",
      "",
    ].join("\n");
    const r = parseCredentialReport(moto);
    assert.strictEqual(r.accountId, ACCOUNT);
    assert.deepStrictEqual(
      r.users.map((u) => [u.user, u.passwordEnabled, u.passwordLastUsed, u.accessKeys[0].active]),
      [
        ["alice", false, "N/A", true],
        ["bob", true, "no_information", false],
      ],
    );
  });

  it("rejects not_supported in an IAM user's row, naming line, column and value (AWS writes it in root's only)", () => {
    const bob = "bob,arn:aws:iam::123456789012:user/bob,";
    const cells = csv().split("\n")[2].slice(bob.length).split(",");
    const at = (column: string, value: string) => {
      const i = columns.indexOf(column as (typeof columns)[number]) - 2;
      return csv().replace(
        `${bob}${cells.join(",")}`,
        bob + cells.map((c, j) => (j === i ? value : c)).join(","),
      );
    };
    for (const column of [
      "user_creation_time",
      "password_last_used",
      "password_last_changed",
      "access_key_1_last_rotated",
      "access_key_1_last_used_date",
      "access_key_2_last_rotated",
      "access_key_2_last_used_date",
    ]) {
      rejects(
        at(column, "not_supported"),
        new RegExp(
          `^credential report line 3, column ${column}: expected an ISO 8601 time.* \\(not_supported is for <root_account> only\\), got "not_supported"$`,
        ),
      );
    }
    rejects(
      at("user_creation_time", "N/A"),
      /^credential report line 3, column user_creation_time: expected an ISO 8601 time, got "N\/A"$/,
    );
    rejects(
      at("access_key_1_last_used_date", "no_information"),
      /^credential report line 3, column access_key_1_last_used_date: expected an ISO 8601 time or N\/A, got "no_information"$/,
    );
    // root's row may hold it anywhere AWS writes it
    const root = parseCredentialReport(
      csv().replace(
        "root,2019-01-01T00:00:00+00:00,not_supported,N/A",
        "root,2019-01-01T00:00:00+00:00,not_supported,not_supported",
      ),
    ).users[0];
    assert.strictEqual(root.passwordLastUsed, "N/A");
  });

  it("names the line of a second header: two reports joined into one file", () => {
    const second = credentialReportCsv("210987654321", {}, [users[0]]);
    for (const eol of ["\n", "\r\n"]) {
      const first = csv({ crlf: eol === "\r\n" });
      const joined = second.split("\n").join(eol);
      rejects(
        first + joined,
        /^credential report line 6 is a second header line: two reports were joined into one file; audit each report on its own$/,
      );
      rejects(first + `\ufeff${joined}`, /^credential report line 6 is a second header line/);
    }
  });

  it("rejects rows of another account than root's, naming accounts and lines; without root the ARNs decide", () => {
    const other = csv().replace("iam::123456789012:user/grace", "iam::210987654321:user/grace");
    rejects(
      other,
      /^credential report mixes 2 accounts: 123456789012 \(3 rows, first line 2, <root_account>\); 210987654321 \(1 row, first line 4, grace\); a report describes one account and its <root_account> row is account 123456789012: audit each account's report on its own$/,
    );
    const lines = other.split("\n");
    rejects(
      [lines[0], ...lines.slice(2)].join("\n"),
      /^credential report mixes 2 accounts: 123456789012 \(2 rows, first line 2, bob\); 210987654321 \(1 row, first line 3, grace\); a report describes one account and it has no <root_account> row to say which it describes/,
    );
    const otherRoot = csv().replace("iam::123456789012:root", "iam::210987654321:root");
    rejects(
      otherRoot,
      /mixes 2 accounts: 210987654321 \(1 row, first line 2, <root_account>\); 123456789012 \(3 rows/,
    );
    assert.strictEqual(parseCredentialReport(csv()).accountId, ACCOUNT);
  });

  it("never echoes control characters or binary bytes into its one-line messages", () => {
    const e = (() => {
      try {
        parseCredentialReport(csv().replace("2025-10-16T12:00:00+00:00", "\u001b[31mred\u0000\nx"));
      } catch (err) {
        return err as Error;
      }
      throw new Error("accepted");
    })();
    assert.ok(e instanceof CredentialReportError);
    assert.doesNotMatch(e.message, /[^\x20-\x7e]/);
    rejects(
      csv().replace("\nbob,", "\nbob\u001b[2J,"),
      /^credential report line 3, column user: "bob\\u001b\[2J" holds characters no IAM user name can/,
    );
  });

  it("rejects a day that does not exist instead of rolling it over, naming line and column", () => {
    for (const day of ["2026-02-30", "2026-02-29", "2100-02-29", "2026-04-31", "2026-06-31", "2026-01-00"]) {
      rejects(
        csv().replace("2025-10-16T12:00:00+00:00", `${day}T10:00:00+00:00`),
        new RegExp(
          `^credential report line 3, column access_key_1_last_rotated: expected an ISO 8601 time on a day that exists \\(${day} does not\\), got "${day}T10:00:00\\+00:00"$`,
        ),
      );
    }
  });

  it("accepts every real day, whatever the offset moves the instant to (leap days, month ends)", () => {
    const at = (text: string) =>
      parseCredentialReport(csv().replace("2025-10-16T12:00:00+00:00", text)).users[1].accessKeys[0]
        .lastRotated;
    assert.deepStrictEqual(at("2028-02-29T10:00:00+00:00"), new Date("2028-02-29T10:00:00Z"));
    assert.deepStrictEqual(at("2000-02-29T23:30:00-05:00"), new Date("2000-03-01T04:30:00Z"));
    assert.deepStrictEqual(at("2026-03-01T01:00:00+05:00"), new Date("2026-02-28T20:00:00Z"));
    assert.deepStrictEqual(at("2026-12-31T23:00:00-02:00"), new Date("2027-01-01T01:00:00Z"));
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

    it("any real time, written with any offset, reads back as that instant", () => {
      const offsetArb = fc.integer({ min: -14 * 60, max: 14 * 60 }).map((m) => m - (m % 15));
      fc.assert(
        fc.property(
          fc.date({
            min: new Date("1990-01-01T00:00:00Z"),
            max: new Date("2100-12-31T00:00:00Z"),
            noInvalidDate: true,
          }),
          offsetArb,
          (date, offset) => {
            const t = new Date(Math.floor(date.getTime() / 1000) * 1000);
            const local = new Date(t.getTime() + offset * 60_000).toISOString().slice(0, 19);
            const sign = offset < 0 ? "-" : "+";
            const abs = Math.abs(offset);
            const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
            const r = parseCredentialReport(csv().replace("2025-10-16T12:00:00+00:00", text));
            assert.deepStrictEqual(r.users[1].accessKeys[0].lastRotated, t, text);
          },
        ),
      );
    });

    it("a day past the end of its month is rejected, never rolled over", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          for (let day = last + 1; day <= 31; day++) {
            const text = `${year}-${String(month).padStart(2, "0")}-${day}T00:00:00Z`;
            rejects(
              csv().replace("2025-10-16T12:00:00+00:00", text),
              /column access_key_1_last_rotated: .*day that exists/,
            );
          }
        }),
      );
    });

    it("removing the <root_account> row from any generated report keeps every user and the account", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 20 }), shapeArb, (n, shape) => {
          const generated = generatedUsers(n, NOW);
          const r = parseCredentialReport(
            credentialReportCsv(ACCOUNT, {}, generated, { ...shape, withoutRoot: true }),
          );
          assert.deepStrictEqual(
            r.users.map((u) => u.user),
            generated.map((u) => u.name),
          );
          assert.strictEqual(r.accountId, n === 0 ? null : ACCOUNT);
        }),
        { numRuns: 40 },
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
