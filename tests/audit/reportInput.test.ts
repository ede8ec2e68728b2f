/**
 * What people feed `audit --credential-report`, run as a process: each shape a report really
 * comes in is audited exactly like the plain CSV; everything else ends in exit 2 with one line
 * that names the file and what it is, with no binary bytes and no bare errno.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { credentialReportCsv } from "../support/credentialReport";
import { assertUsageError, repo, runAudit } from "./cliRunner";

const NOW = "2026-11-20T12:00:00Z";
const example = fs.readFileSync(path.join(repo, "examples/credential-report.csv"), "utf8");

interface Json {
  account: string | null;
  reportGeneratedAt: string | null;
  findings: { policy: string; status: string; subject: string; message: string }[];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "audit-input-"));
const write = (name: string, content: string | Buffer): string => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
};
const audit = (file: string) => runAudit(["--credential-report", file, "--format", "json", "--now", NOW]);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** What stderr may hold: printable ASCII lines only. */
const assertPrintable = (stderr: string) =>
  assert.doesNotMatch(stderr, /[^\x20-\x7e\n]/, JSON.stringify(stderr));

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(`\ufeff${text}`, "utf16le");
  return bigEndian ? le.swap16() : le;
}

describe("audit --credential-report: what people feed it", function () {
  this.timeout(120_000);
  let plain: Json;
  before(async () => {
    const r = await audit(write("plain.csv", example));
    assert.strictEqual(r.code, 1, r.stderr);
    plain = JSON.parse(r.stdout) as Json;
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe("accepted, audited like the CSV", () => {
    const cliJson = (generated: string) =>
      JSON.stringify(
        {
          Content: Buffer.from(example).toString("base64"),
          ReportFormat: "text/csv",
          GeneratedTime: generated,
        },
        null,
        4,
      );
    const same = async (name: string, content: string | Buffer, generatedAt: string | null = null) => {
      const r = await audit(write(name, content));
      assert.strictEqual(r.code, 1, r.stderr);
      assert.strictEqual(r.stderr, "");
      const out = JSON.parse(r.stdout) as Json;
      assert.deepStrictEqual(out.findings, plain.findings, name);
      assert.deepStrictEqual([out.account, out.reportGeneratedAt], ["123456789012", generatedAt]);
    };

    it("the AWS CLI's aws iam get-credential-report JSON: Content decoded, GeneratedTime kept as the report's time", async () => {
      await same("cli.json", cliJson("2026-11-20T10:00:00+00:00"), "2026-11-20T10:00:00.000Z");
    });

    it("bare base64 (--query Content --output text), wrapped or not", async () => {
      const b64 = Buffer.from(example).toString("base64");
      await same("content.b64", `${b64}\n`);
      await same("wrapped.b64", `${b64.replace(/.{76}/g, "$&\n")}\n`);
    });

    it("gzip of the CSV and of the CLI's JSON", async () => {
      await same("report.csv.gz", gzipSync(example));
      await same("cli.json.gz", gzipSync(cliJson("2026-11-20T10:00:00Z")), "2026-11-20T10:00:00.000Z");
    });

    it("UTF-16 with its byte order mark, little- and big-endian (what spreadsheets save)", async () => {
      await same("le.csv", utf16(example, false));
      await same("be.csv", utf16(example, true));
      await same("crlf-le.csv", utf16(example.replace(/\n/g, "\r\n"), false));
    });
  });

  describe("a report without its <root_account> row is judged", () => {
    it("users checked, root checks not evaluated naming the row, one warning line on stderr", async () => {
      const lines = example.split("\n");
      const file = write("filtered.csv", [lines[0], ...lines.slice(2)].join("\n"));
      const r = await audit(file);
      assert.strictEqual(r.code, 1, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `^audit: warning: credential report ${escape(file)} has no <root_account> row \\(filtered or truncated\\?\\); the users are audited, the root checks that need that row are not evaluated\\n$`,
        ),
      );
      const out = JSON.parse(r.stdout) as Json;
      assert.strictEqual(out.account, "123456789012");
      const root = out.findings.filter((f) => f.subject === "<root_account>");
      assert.deepStrictEqual(
        root.map((f) => `${f.policy} ${f.status}`),
        [
          "root-access-keys-absent not-evaluated",
          "root-mfa-enabled not-evaluated",
          "root-hardware-mfa not-evaluated",
          "root-not-recently-used not-evaluated",
        ],
      );
      for (const f of root) assert.match(f.message, /has no <root_account> row/);
      assert.deepStrictEqual(
        out.findings.filter((f) => f.status === "fail").map((f) => `${f.policy} ${f.subject}`),
        plain.findings
          .filter((f) => f.status === "fail" && f.subject !== "<root_account>")
          .map((f) => `${f.policy} ${f.subject}`),
      );
    });

    it("header only: nothing fails (exit 0), root not evaluated, the warning", async () => {
      const file = write("header-only.csv", `${example.split("\n")[0]}\n`);
      const r = await audit(file);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.match(r.stderr, /^audit: warning: .* has no <root_account> row/);
      assert.strictEqual((JSON.parse(r.stdout) as Json).account, null);
    });
  });

  describe("rejected: exit 2, one line naming the file and what it is", () => {
    it("a missing file, a directory, a path through a file", async () => {
      assertUsageError(
        await audit(path.join(tmp, "nope.csv")),
        /^audit: credential report .*nope\.csv does not exist$/,
      );
      assertUsageError(
        await audit(tmp),
        new RegExp(`^audit: credential report ${escape(tmp)} is a directory; give the report file itself$`),
      );
      const file = write("a-file", "x");
      assertUsageError(
        await audit(path.join(file, "report.csv")),
        /does not exist \(a part of the path is not a directory\)$/,
      );
    });

    it("a file it may not read", async function () {
      if (process.getuid?.() === 0) this.skip(); // root reads any file
      const file = write("secret.csv", example);
      fs.chmodSync(file, 0o000);
      assertUsageError(
        await audit(file),
        /^audit: credential report .*secret\.csv cannot be read: permission denied$/,
      );
    });

    it("binary files, named for what they are, with no binary byte on the terminal", async () => {
      const cases: [string, Buffer, RegExp][] = [
        [
          "report.xlsx",
          Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0xff, 0x00]),
          /is a ZIP archive \(a spreadsheet saved as \.xlsx\?\), not CSV/,
        ],
        [
          "report.xls",
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
          /is an Excel \.xls workbook, not CSV/,
        ],
        [
          "image.png",
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
          /is binary data \(first bytes 89 50 4e 47\), not a credential report/,
        ],
        ["latin1.csv", Buffer.from("user,arn\nj\xf6rg,x\n", "latin1"), /is not UTF-8 or UTF-16 text/],
        [
          "nobom.csv",
          Buffer.from(example.slice(0, 300), "utf16le"),
          /looks like UTF-16 text without a byte order mark: save it as UTF-8/,
        ],
        [
          "broken.gz",
          Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]),
          /is gzip data that does not decompress/,
        ],
      ];
      for (const [name, bytes, message] of cases) {
        const r = await audit(write(name, bytes));
        assertUsageError(r, message);
        assertPrintable(r.stderr);
      }
    });

    it("other text: HTML, other JSON, base64 of something else", async () => {
      assertUsageError(
        await audit(write("page.html", "<!DOCTYPE html><html>sign in</html>")),
        /is HTML or XML \(starts with <!DOCTYPE html><html\), not a credential report/,
      );
      assertUsageError(
        await audit(write("other.json", '{"Users": []}')),
        /is JSON but not the output of aws iam get-credential-report \(no Content string\)/,
      );
      assertUsageError(
        await audit(write("bad.json", '{"Content": ')),
        /starts like JSON but is not valid JSON/,
      );
      assertUsageError(
        await audit(write("notb64.json", '{"Content": "not base64!"}')),
        /has a Content field that is not base64/,
      );
      assertUsageError(
        await audit(
          write(
            "time.json",
            JSON.stringify({ Content: Buffer.from(example).toString("base64"), GeneratedTime: "yesterday" }),
          ),
        ),
        /has GeneratedTime "yesterday"; expected an ISO 8601 time$/,
      );
      assertUsageError(
        await audit(write("other.b64", `${Buffer.from("hello world, not a report").toString("base64")}\n`)),
        /is base64 text that does not decode to a credential report CSV$/,
      );
    });

    it("two reports joined into one file: the second header's line", async () => {
      const file = write("joined.csv", example + credentialReportCsv("210987654321", {}, []));
      assertUsageError(
        await audit(file),
        new RegExp(
          `^audit: ${escape(file)}: credential report line 11 is a second header line: two reports were joined into one file; audit each report on its own$`,
        ),
      );
    });

    it("rows of another account than root's, naming accounts and lines", async () => {
      const file = write("mixed.csv", example.replace("123456789012:user/erin", "210987654321:user/erin"));
      assertUsageError(
        await audit(file),
        /credential report mixes 2 accounts: 123456789012 \(8 rows, first line 2, <root_account>\); 210987654321 \(1 row, first line 7, erin\); .*audit each account's report on its own$/,
      );
    });

    it("not_supported in an IAM user's date column, naming line, column and value", async () => {
      const file = write("ns.csv", example.replace("2026-11-18T17:20:00+00:00", "not_supported"));
      assertUsageError(
        await audit(file),
        /credential report line 4, column password_last_used: expected an ISO 8601 time, N\/A or no_information \(not_supported is for <root_account> only\), got "not_supported"$/,
      );
    });
  });
});
