/**
 * The HTML report as a browser renders it: headless Chromium (the OS package; .ci/run installs it,
 * so CI never skips) loads the page from a file with every fetch routed to a recording proxy on
 * 127.0.0.1, and the tests read the rendered DOM and a screenshot's pixels.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PNG } from "pngjs";
import { findChromium, runChromium } from "../../support/chromium";
import { runAudit } from "../cliRunner";
import { organizationPage } from "./pages";

const browser = findChromium();
let dir = "";

function page(name: string, html: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, html);
  return `file://${file}`;
}

describe("audit HTML report in headless Chromium", function () {
  this.timeout(120_000);
  before(function () {
    if (!browser && process.env.AUDIT_TESTS_REQUIRE_BROWSER)
      throw new Error("no chromium, and AUDIT_TESTS_REQUIRE_BROWSER is set (.ci/run installs it)");
    if (!browser) {
      console.log(
        "    SKIPPED: no chromium on this machine (apt-get install -y chromium; .ci/run installs it)",
      );
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-html-"));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("the recording proxy sees a page's fetch (so the tests below can fail)", async () => {
    const url = page("control.html", `<!DOCTYPE html><img src="http://evil.example/x.png">`);
    const run = await runChromium(browser!, url, ["--dump-dom"]);
    assert.ok(
      run.requests.some((r) => r.includes("evil.example")),
      `no request seen: ${JSON.stringify(run.requests)}`,
    );
  });

  it("organization page: account names stay text, the matrix and totals render, nothing is fetched", async () => {
    const run = await runChromium(browser!, page("org.html", await organizationPage()), ["--dump-dom"]);
    assert.deepStrictEqual(run.requests, []);
    const dom = run.stdout;
    assert.doesNotMatch(dom, /<img|<script/);
    assert.match(dom, /&lt;img src="http:\/\/evil.example\/x.png" onerror="alert\(1\)"&gt;Team &amp; Co/);
    const matrixRows = (dom
      .split('id="account-222222222222"')[1]
      .match(/<table class="matrix">[\s\S]*?<\/table>/) ?? [""])[0];
    assert.match(
      matrixRows,
      /<tr><th class="subject">bob<\/th>(<td class="(fail|pass)"[^>]*>.?<\/td>)+<td class="count">\d<\/td><\/tr>/,
    );
    assert.match(
      matrixRows,
      /<th class="subject">heidi<\/th>.*?<td class="fail" title="fails iam-users-mfa-enabled">✗<\/td>/,
    );
    assert.match(dom, /<section class="totals" id="totals"><h2>Totals<\/h2>/);
  });

  it("the CLI's page for a credential report: a screenshot that shows the report, matrix cells in colour", async () => {
    const r = await runAudit([
      "--format",
      "html",
      "--now",
      "2026-11-20T12:00:00Z",
      "--credential-report",
      "examples/credential-report.csv",
    ]);
    assert.strictEqual(r.code, 1, r.stderr);
    const shot = path.join(dir, "report.png");
    const run = await runChromium(browser!, page("report.html", r.stdout), [
      `--screenshot=${shot}`,
      "--window-size=1280,1600",
    ]);
    assert.deepStrictEqual(run.requests, []);
    const png = PNG.sync.read(fs.readFileSync(shot));
    assert.deepStrictEqual([png.width, png.height], [1280, 1600]);
    let ink = 0;
    let failCells = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r8, g8, b8] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      if (r8 + g8 + b8 < 600) ink++;
      if (Math.abs(r8 - 0xfe) < 4 && Math.abs(g8 - 0xe4) < 4 && Math.abs(b8 - 0xe2) < 4) failCells++;
    }
    const pixels = png.width * png.height;
    assert.ok(ink / pixels > 0.01, `only ${ink} of ${pixels} pixels are not white: a blank page?`);
    // 11 failing cells of about 16x20 pixels each in the matrix's red
    assert.ok(failCells > 11 * 150, `only ${failCells} pixels in the failing cells' colour`);
  });
});
