/**
 * `npm run -s audit -- ... | head`: a reader that closes its end early (EPIPE) ends the audit
 * quietly, in every format, with no stack trace; the exit code is still the audit's verdict when
 * the verdict was complete (one account), and 2 when accounts were left unaudited (organization).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formats } from "../../policy-pack/audit/render";
import { credentialReportCsv, generatedUsers } from "../support/credentialReport";
import { useFakeAws } from "../support/useFakeAws";
import { addOrganization, memberIds } from "../support/fakeOrganization";
import { runAuditClosingEarly } from "./cliRunner";

const NOW = "2026-11-20T12:00:00Z";

describe("audit output piped into a reader that closes early (EPIPE)", function () {
  this.timeout(120_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "audit-pipe-"));
  const report = path.join(tmp, "report.csv");
  before(() =>
    fs.writeFileSync(report, credentialReportCsv("123456789012", {}, generatedUsers(20_000, new Date(NOW)))),
  );
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("one account, every format: nothing on stderr, the verdict as exit code (1: findings fail)", async () => {
    const runs = await Promise.all(
      formats.map((format) =>
        runAuditClosingEarly(["--credential-report", report, "--format", format, "--now", NOW]),
      ),
    );
    runs.forEach((r, i) => {
      assert.ok(r.stdout.length > 0, `${formats[i]}: output began`);
      assert.strictEqual(r.stderr, "", `${formats[i]}: ${r.stderr}`);
      assert.strictEqual(r.code, 1, formats[i]);
    });
  });

  describe("--organization", () => {
    const fakeAws = useFakeAws();
    before(() => {
      addOrganization(fakeAws(), { members: memberIds(30), pageSize: 5 });
      fakeAws().latencyMs = 5;
    });

    it("every format: stops auditing, nothing on stderr, exit 2 (accounts left unaudited)", async () => {
      for (const format of formats) {
        fakeAws().assumeRoleRequests.length = 0;
        const r = await runAuditClosingEarly(
          ["--organization", "--concurrency", "2", "--format", format, "--now", NOW],
          { AWS_ENDPOINT_URL: fakeAws().url },
        );
        assert.ok(r.stdout.length > 0, `${format}: output began`);
        assert.strictEqual(r.stderr, "", `${format}: ${r.stderr}`);
        assert.strictEqual(r.code, 2, format);
        assert.ok(
          fakeAws().assumeRoleRequests.length < 30,
          `${format}: stopped auditing (${fakeAws().assumeRoleRequests.length} of 30)`,
        );
      }
    });
  });
});
