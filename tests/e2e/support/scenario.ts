/**
 * What every e2e scenario shares: the engine must be on PATH (a clear failure otherwise), a
 * workspace per describe, the local AWS endpoint the pack's account policies read, and helpers
 * that read the engine's output.
 */
import * as assert from "assert";
import { ensurePackBuilt } from "../../../tools/packBuild";
import { FakeAccount, FakeAws } from "../../support/fakeAws";
import { AMBIENT_KEY, memberAccount } from "../../support/fakeOrganization";
import { readConfig, example } from "../../program/stackFiles";
import { RunResult, Workspace, packDir, pulumiOnPath } from "./engine";

export { readConfig, example };
/** The local AWS endpoint's organization helpers (tests/support/fakeOrganization.ts). */
export const fakeAccounts = { AMBIENT_KEY, memberAccount };

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

export interface Scenario {
  /** The workspace: its engine, and so the pack's account policies, read `fake`. */
  readonly ws: Workspace;
  readonly fake: FakeAws;
}

/**
 * Registers the describe's hooks: the engine check, a local AWS endpoint whose ambient account
 * (the credentials running the preview) is `ambient`, a workspace on it, and `stacks` (name ->
 * config) created; all removed afterwards. The returned object is filled in before the tests run.
 * `typeCheck`: the engine type-checks the program as it loads it (its default for TypeScript).
 */
export function scenario(
  stacks: Readonly<Record<string, Record<string, unknown>>>,
  ambient: FakeAccount = cleanAccount("123456789012"),
  { typeCheck = false }: { readonly typeCheck?: boolean } = {},
): Scenario {
  const context = {} as { ws: Workspace; fake: FakeAws };
  before(async () => {
    requireEngine();
    context.fake = await FakeAws.start();
    context.fake.addAccount(AMBIENT_KEY, ambient);
    context.ws = new Workspace({
      AWS_ENDPOINT_URL: context.fake.url,
      // The engine type-checks a TypeScript program as it loads it, as users run it, in the
      // example's life; elsewhere it only transpiles (`npm run typecheck` checks the types), which
      // halves the time of every program run.
      ...(typeCheck ? {} : { PULUMI_NODEJS_TRANSPILE_ONLY: "true" }),
    });
    for (const [stack, config] of Object.entries(stacks)) await context.ws.initStack(stack, config);
  });
  after(async () => {
    context.ws?.remove();
    await context.fake?.stop();
  });
  return context;
}

/** Pulumi.example.yaml's config with `changes` (keys without the project's namespace). */
export function exampleWith(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const prefixed = Object.entries(changes).map(([k, v]) => [`aws-account-baseline:${k}`, v]);
  return { ...readConfig(example), ...Object.fromEntries(prefixed) };
}

/** The mandatory findings of the Policies section ("mandatory policy-name"), sorted. */
export function mandatoryFindings(output: string): string[] {
  return policyFindings(output)
    .filter((f) => f.startsWith("mandatory"))
    .sort();
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
