/**
 * The analysis half of `npm run check`: sends a program's registered resources through the
 * policy pack over gRPC in the engine's order (Configure with the CLI's defaults plus the config
 * file; per resource Remediate then Analyze on its inputs, remediated inputs replacing the
 * originals; AnalyzeStack on every resource's outputs) and returns the diagnostics, each tied to
 * the resource it is about.
 */
import {
  Diagnostic,
  PackClient,
  ProviderInput,
  Remediation,
  ResourceInput,
  secret,
  specialSigKey,
} from "./packClient";
import {
  PolicyPackConfigFile,
  ResolvedPackConfig,
  reconcilePolicyConfig,
} from "../policy-pack/config/packConfig";

/** A resource as `runProgram` reports it (see tools/runProgram.ts). */
export interface ProgramResource {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly custom?: boolean;
  readonly inputs: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  /** Provider reference `<urn>::<id>`, when the resource names one. */
  readonly provider?: string;
  readonly parent?: string;
  readonly additionalSecretOutputs?: readonly string[];
}

export interface Finding extends Diagnostic {
  /** The resource the finding is about; absent for a finding about the stack as a whole. */
  readonly resource?: { readonly type: string; readonly name: string; readonly urn: string };
  /** "analyze" (a resource's inputs) or "stack" (AnalyzeStack over outputs). */
  readonly phase: "analyze" | "stack";
}

export interface AppliedRemediation extends Remediation {
  readonly resource: { readonly type: string; readonly name: string; readonly urn: string };
  /** The inputs the remediation changed, as `key: old -> new` (secret values are not shown). */
  readonly changes: string[];
}

function show(v: unknown): string {
  if (v !== null && typeof v === "object" && specialSigKey in v) return "[secret]";
  return v === undefined ? "unset" : JSON.stringify(v);
}

function changes(before: Record<string, unknown>, after: Record<string, unknown> | undefined): string[] {
  if (!after) return [];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k}: ${show(before[k])} -> ${show(after[k])}`);
}

export interface CheckResult {
  readonly config: ResolvedPackConfig;
  readonly findings: Finding[];
  readonly remediations: AppliedRemediation[];
  readonly resourceCount: number;
}

function providerOf(r: ProgramResource, byUrn: Map<string, ProgramResource>): ProviderInput | undefined {
  if (!r.provider) return undefined;
  const urn = r.provider.split("::").slice(0, -1).join("::");
  const p = byUrn.get(urn);
  return p ? { type: p.type, name: p.name, urn: p.urn, properties: p.inputs } : undefined;
}

/** Outputs as the engine holds them: the resource's additional secret outputs wrapped as secrets. */
function stackProperties(r: ProgramResource): Record<string, unknown> {
  const outputs = { ...(r.outputs ?? r.inputs) };
  for (const key of r.additionalSecretOutputs ?? []) {
    if (key in outputs && outputs[key] !== undefined) outputs[key] = secret(outputs[key]);
  }
  return outputs;
}

export async function checkResources(
  pack: PackClient,
  resources: readonly ProgramResource[],
  file: PolicyPackConfigFile = {},
): Promise<CheckResult> {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const { policies } = await pack.getAnalyzerInfo();
  const config = reconcilePolicyConfig(policies, file);
  await pack.configure(config);
  const about = (urn: string | undefined, fallback?: ProgramResource) => {
    const r = (urn !== undefined ? byUrn.get(urn) : undefined) ?? fallback;
    return r ? { resource: { type: r.type, name: r.name, urn: r.urn } } : {};
  };

  const findings: Finding[] = [];
  const remediations: AppliedRemediation[] = [];
  const analyzed: ProgramResource[] = [];
  for (const r of resources) {
    const request: ResourceInput = {
      type: r.type,
      name: r.name,
      urn: r.urn,
      properties: r.inputs,
      provider: providerOf(r, byUrn),
      parent: r.parent,
    };
    let inputs = r.inputs;
    for (const rem of (await pack.remediate(request)).remediations) {
      remediations.push({
        ...rem,
        resource: { type: r.type, name: r.name, urn: r.urn },
        changes: changes(inputs, rem.properties),
      });
      if (rem.properties) inputs = rem.properties;
    }
    const { diagnostics } = await pack.analyze({ ...request, properties: inputs });
    findings.push(...diagnostics.map((d) => ({ ...d, phase: "analyze" as const, ...about(d.urn, r) })));
    // A remediated input is what would be deployed, so the outputs reflect it too.
    analyzed.push(inputs === r.inputs ? r : { ...r, inputs, outputs: { ...(r.outputs ?? {}), ...inputs } });
  }

  const stack = await pack.analyzeStack(
    analyzed.map((r) => ({
      type: r.type,
      name: r.name,
      urn: r.urn,
      properties: stackProperties(r),
      provider: providerOf(r, byUrn),
      parent: r.parent,
    })),
  );
  findings.push(...stack.diagnostics.map((d) => ({ ...d, phase: "stack" as const, ...about(d.urn) })));

  return {
    config,
    findings,
    remediations,
    resourceCount: resources.length,
  };
}
