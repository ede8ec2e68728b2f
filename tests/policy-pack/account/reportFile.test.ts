import * as assert from "assert";
import fc from "fast-check";
import { gzipSync } from "zlib";
import { CredentialReportError } from "../../../policy-pack/account/csv";
import { decodeReportFile } from "../../../policy-pack/account/reportFile";
import { credentialReportCsv, generatedUsers } from "../../support/credentialReport";

const NOW = new Date("2026-11-20T12:00:00Z");
const decode = (bytes: Uint8Array) => decodeReportFile(bytes, "r");

describe("credential report file shapes (decodeReportFile)", () => {
  it("every wrapper of any generated report decodes to that report's CSV", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.boolean(), (n, crlf) => {
        const csv = credentialReportCsv("123456789012", {}, generatedUsers(n, NOW), { crlf });
        const b64 = Buffer.from(csv).toString("base64");
        const json = JSON.stringify({
          Content: b64,
          ReportFormat: "text/csv",
          GeneratedTime: "2026-11-20T10:00:00Z",
        });
        const le = Buffer.from(`\ufeff${csv}`, "utf16le");
        const shapes: [string, Buffer][] = [
          ["csv", Buffer.from(csv)],
          ["base64", Buffer.from(b64)],
          ["json", Buffer.from(json)],
          ["gzip", gzipSync(csv)],
          ["gzip json", gzipSync(json)],
          ["utf-16le", le],
          ["utf-16be", Buffer.from(le).swap16()],
        ];
        for (const [name, bytes] of shapes) {
          assert.strictEqual(decode(bytes).csv.replace(/^\ufeff/, ""), csv, name);
        }
        assert.deepStrictEqual(decode(Buffer.from(json)).generatedAt, new Date("2026-11-20T10:00:00Z"));
        assert.strictEqual(decode(Buffer.from(csv)).generatedAt, null);
      }),
      { numRuns: 30 },
    );
  });

  it("arbitrary bytes end in the text or a CredentialReportError whose one line is printable ASCII", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([Buffer.from([0x1f, 0x8b]), b])),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([Buffer.from([0xff, 0xfe]), b])),
          fc.string().map((s) => Buffer.from(`{"Content": ${JSON.stringify(s)}}`)),
        ),
        (bytes) => {
          try {
            decode(bytes);
          } catch (e) {
            assert.ok(e instanceof CredentialReportError, String(e));
            assert.doesNotMatch(e.message, /[^\x20-\x7e]/, e.message);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
