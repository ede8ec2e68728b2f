/** Pack config and diagnostics helpers for the gRPC tests of the account policies. */
import { resourcePolicyNames } from "../../policy-pack/controls";
import { ensurePackBuilt } from "../../tools/packBuild";
import {
  AnalyzerInfo,
  defaultPackDir,
  Diagnostic,
  PackClient,
  PolicyPackConfigFile,
  startPack,
} from "../../tools/packClient";
import { FakeAws } from "./fakeAws";

/** Every stack-resource policy disabled, so only the account policies speak. */
export const resourcesOff: PolicyPackConfigFile = Object.fromEntries(
  resourcePolicyNames.map((n) => [n, { enforcementLevel: "disabled" as const }]),
);

/** Each policy's messages (the last line of each: the finding itself). */
export function byPolicy(ds: readonly Diagnostic[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of ds) (out[d.policyName] ??= []).push(d.message.split("\n").pop() ?? "");
  return out;
}

/** The compiled pack started as the engine starts it, its SDK pointed at a fresh fakeAws. */
export interface PackOnFakeAws {
  readonly fake: FakeAws;
  readonly pack: PackClient;
  readonly info: AnalyzerInfo;
}

/** Starts fakeAws and the pack with `env` (default: this process's) plus AWS_ENDPOINT_URL to it. */
export async function startPackOnFakeAws(env: NodeJS.ProcessEnv = process.env): Promise<PackOnFakeAws> {
  ensurePackBuilt(defaultPackDir);
  const fake = await FakeAws.start();
  const pack = await startPack({ env: { ...env, AWS_ENDPOINT_URL: fake.url } });
  return { fake, pack, info: await pack.getAnalyzerInfo() };
}

export async function stopPackOnFakeAws(t: Partial<PackOnFakeAws>): Promise<void> {
  await t.pack?.close();
  await t.fake?.stop();
}
