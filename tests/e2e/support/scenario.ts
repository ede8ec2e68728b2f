/**
 * What every e2e scenario shares: the engine must be on PATH (a clear failure otherwise), a
 * workspace per describe, the local AWS endpoint the pack's account policies read, and helpers
 * that read the engine's output.
 */
import * as assert from "assert";
import { FakeAccount, FakeAws } from "../../support/fakeAws";
import { AMBIENT_KEY, memberAccount } from "../../support/fakeOrganization";
import { readConfig, example } from "../../program/stackFiles";
import { RunResult, Workspace, pulumiOnPath } from "./engine";

import { ensurePackBuilt } from "../../../tools/packBuild";
import { packDir } from "./engine";

export { packDir };
export { AMBIENT_KEY, memberAccount, readConfig, example };

/** How to get an engine: what the tier says when there is none. */
export const engineHint = "run `bash ../shared/engine/build.sh` and put the folder it prints on PATH";

/** Fails the tier (it never silently passes) when there is no engine; builds a stale pack. */
export function requireEngine(): void {
  if (pulumiOnPath() === undefined)
    throw new Error(`the e2e tier needs the Pulumi CLI on PATH: ${engineHint}`);
  ensurePackBuilt(packDir);
}

/** An account with nothing to report: no users, root without credentials, every contact. */
export function cleanAccount(accountId: string, extra: Partial<FakeAccount> = {}): FakeAccount {
  return memberAccount(accountId, { users: [], ...extra });
}

/** A workspace whose engine (and so the pack's account policies) reads `fake`. */
export function workspaceOn(fake: FakeAws): Workspace {
  return new Workspace({ AWS_ENDPOINT_URL: fake.url });
}

/** Asserts the exit code, showing the engine's whole output when it differs. */
export function assertExit(result: RunResult, code: number): void {
  assert.strictEqual(result.code, code, `exit code ${result.code}, expected ${code}:\n${result.output}`);
}

/** The `[level]  policy-name` headers of the Policies section, as "level policy-name". */
export function policyFindings(output: string): string[] {
  return [...output.matchAll(/- \[(advisory|mandatory|remediate)\]\s+([a-z-]+)\s/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
}

/** Occurrences of `needle` in `haystack`. */
export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/**
 * The engine's Diagnostics section (everything from `Diagnostics:` up to the next section). The
 * progress lines above it also repeat the first line of a resource's latest diagnostic, as the
 * engine does for every error.
 */
export function diagnosticsSection(output: string): string {
  const start = output.indexOf("\nDiagnostics:\n");
  if (start < 0) return "";
  const rest = output.slice(start + 1);
  const end = rest.search(/\n(Outputs|Resources|Policies):\n/);
  return end < 0 ? rest : rest.slice(0, end);
}
