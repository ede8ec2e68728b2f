/**
 * Any size: parsing and evaluating a report uses no stack that grows with the input (no
 * recursion, no spread of a whole array into arguments). A 60,000-user report is parsed and
 * evaluated by the compiled pack in a process whose stack is a tenth of Node's default: a
 * `Math.max(...perUser)` or `push(...rows)` over it would need more than that stack holds.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ensurePackBuilt } from "../../../tools/packBuild";
import { credentialReportCsv, generatedUsers } from "../../support/credentialReport";
import { safeEnv } from "../../../tools/safeEnv";

const packDir = path.resolve(__dirname, "../../../policy-pack");
const USERS = 60_000;

describe("a credential report of any size", function () {
  this.timeout(120_000);

  it(`${USERS.toLocaleString("en-US")} users: parsed and evaluated with a 100 KB stack, one finding list, linear`, () => {
    ensurePackBuilt(packDir);
    const now = new Date("2026-11-20T12:00:00Z");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "large-report-"));
    try {
      const file = path.join(dir, "r.csv");
      fs.writeFileSync(file, credentialReportCsv("123456789012", {}, generatedUsers(USERS, now)));
      const script = `
        const { readCredentialReportFile } = require(${JSON.stringify(path.join(packDir, "bin/account/readCsv.js"))});
        const { evaluate } = require(${JSON.stringify(path.join(packDir, "bin/account/findings.js"))});
        readCredentialReportFile(process.argv[1]).then((facts) => {
          const findings = evaluate(facts, undefined, new Date(${JSON.stringify(now.toISOString())}));
          process.stdout.write(JSON.stringify({ users: facts.users.value.length, findings: findings.length }));
        });`;
      const r = spawnSync(process.execPath, ["--stack-size=100", "-e", script, file], {
        env: safeEnv(),
        encoding: "utf8",
      });
      assert.strictEqual(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { users: number; findings: number };
      assert.strictEqual(out.users, USERS + 1);
      assert.ok(out.findings > USERS, String(out.findings));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
