/**
 * The audit through npm, as the README says to run it: `npm run -s audit` and `npx
 * aws-account-audit` print only the report on stdout (no npm banner), while npm's own errors stay
 * visible (a project .npmrc with `loglevel=silent` once hid them: an out-of-sync lockfile made
 * `npm ci` exit 1 printing nothing).
 */
import * as assert from "assert";
import { execFile } from "child_process";
import { repo } from "./cliRunner";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function npm(command: "npm" | "npx", args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: repo, env: { ...process.env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

const report = [
  "--credential-report",
  "examples/credential-report.csv",
  "--format",
  "json",
  "--now",
  "2026-11-20T12:00:00Z",
];

describe("the audit through npm", function () {
  this.timeout(60_000);

  for (const [how, command, args] of [
    ["npm run -s audit --", "npm", ["run", "-s", "audit", "--", ...report]],
    ["npx aws-account-audit", "npx", ["--offline", "aws-account-audit", ...report]],
  ] as const) {
    it(`${how} prints only the JSON on stdout`, async () => {
      const r = await npm(command, [...args]);
      assert.strictEqual(r.code, 1, r.stderr);
      assert.strictEqual(r.stdout, `${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
    });
  }

  it("npm's own errors are not silenced by the project", async () => {
    const r = await npm("npm", ["run", "no-such-script"]);
    assert.notStrictEqual(r.code, 0);
    assert.match(r.stderr, /Missing script: "no-such-script"/);
  });
});
