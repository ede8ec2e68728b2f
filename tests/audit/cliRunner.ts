/** Runs the audit CLI from its TypeScript source in a child process, with this (AWS-safe) environment. */
import * as assert from "assert";
import { spawn } from "child_process";
import * as path from "path";

export const repo = path.resolve(__dirname, "../..");
const cli = path.join(repo, "policy-pack/audit/cli.ts");

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The audit's process, from its source; its output decoded as streams (a character split across reads stays whole). */
function spawnAudit(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", cli, ...args], {
    cwd,
    env: { ...process.env, TS_NODE_PROJECT: path.join(repo, "tsconfig.json"), ...env },
  });
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  return child;
}

export function runAudit(args: string[], env: NodeJS.ProcessEnv = {}, cwd = repo): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnAudit(args, env, cwd);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: string) => (stdout += d));
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Bad input: exit 2, exactly one line on stderr, no stack trace, nothing on stdout. */
export function assertUsageError(r: CliRun, message: RegExp): void {
  assert.strictEqual(r.code, 2, r.stderr);
  assert.strictEqual(r.stdout, "");
  const lines = r.stderr.trimEnd().split("\n");
  assert.strictEqual(lines.length, 1, r.stderr);
  assert.match(lines[0], message);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}

/**
 * Runs the audit with its stdout read by a reader that goes away after the first chunk, as
 * `audit | head -1` does: the audit's next write then fails with EPIPE.
 */
export function runAuditClosingEarly(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnAudit(args, env, repo);
    let stdout = "";
    let stderr = "";
    child.stdout.once("data", (d: string) => {
      stdout = d;
      child.stdout.destroy();
    });
    child.stderr.on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
