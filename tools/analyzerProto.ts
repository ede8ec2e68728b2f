/**
 * Plain objects <-> the `pulumirpc.Analyzer` protobuf messages, using the stubs that ship in
 * `@pulumi/pulumi/proto` (the same ones the engine's Go counterparts mirror). Nothing outside
 * this file and packClient.ts touches protobuf.
 */
import * as analyzer from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { EnforcementLevel, JsonSchema, ResolvedPackConfig } from "../policy-pack/config/packConfig";

export type Severity = "low" | "medium" | "high" | "critical";
export type PolicyType = "resource" | "stack" | "unknown";

/** A provider as the engine describes it next to a resource. */
export interface ProviderInput {
  readonly type: string;
  readonly name: string;
  readonly urn?: string;
  readonly properties?: Record<string, unknown>;
}

/** A resource as the engine sends it: `properties` are inputs for Analyze/Remediate, outputs for AnalyzeStack. */
export interface ResourceInput {
  readonly type: string;
  readonly name: string;
  /** Defaults to `urn:pulumi:stack::project::<type>::<name>`. */
  readonly urn?: string;
  readonly properties?: Record<string, unknown>;
  readonly provider?: ProviderInput;
  /** Parent URN (AnalyzeStack; also set as options.parent). */
  readonly parent?: string;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Record<string, readonly string[]>;
  readonly protect?: boolean;
}

export interface Diagnostic {
  readonly policyName: string;
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  readonly description: string;
  readonly message: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly urn?: string;
  readonly severity?: Severity;
}

export interface NotApplicable {
  readonly policyName: string;
  readonly reason: string;
}

export interface AnalyzeResult {
  readonly diagnostics: Diagnostic[];
  readonly notApplicable: NotApplicable[];
}

export interface Remediation {
  readonly policyName: string;
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  readonly description: string;
  /** The resource's new inputs, when the remediation changed them. */
  readonly properties?: Record<string, unknown>;
  /** Why a remediation could not run (e.g. unknown values during preview). */
  readonly diagnostic?: string;
}

export interface RemediateResult {
  readonly remediations: Remediation[];
  readonly notApplicable: NotApplicable[];
}

export interface PolicyInfo {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly policyType: PolicyType;
  readonly severity?: Severity;
  readonly configSchema?: { properties: Record<string, JsonSchema>; required: string[] };
  readonly tags: string[];
  readonly remediationSteps: string;
  readonly url: string;
}

export interface AnalyzerInfo {
  readonly name: string;
  readonly displayName: string;
  readonly version: string;
  readonly supportsConfig: boolean;
  readonly description: string;
  readonly policies: PolicyInfo[];
}

const levelToProto: Record<EnforcementLevel, analyzer.EnforcementLevel> = {
  advisory: analyzer.EnforcementLevel.ADVISORY,
  mandatory: analyzer.EnforcementLevel.MANDATORY,
  remediate: analyzer.EnforcementLevel.REMEDIATE,
  disabled: analyzer.EnforcementLevel.DISABLED,
};

function levelFromProto(l: analyzer.EnforcementLevel): EnforcementLevel {
  const found = (Object.keys(levelToProto) as EnforcementLevel[]).find((k) => levelToProto[k] === l);
  if (!found) throw new Error(`unknown enforcement level ${l} from the analyzer`);
  return found;
}

const severities: Partial<Record<analyzer.PolicySeverity, Severity>> = {
  [analyzer.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [analyzer.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [analyzer.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [analyzer.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

const policyTypes: Record<analyzer.PolicyType, PolicyType> = {
  [analyzer.PolicyType.POLICY_TYPE_UNKNOWN]: "unknown",
  [analyzer.PolicyType.POLICY_TYPE_RESOURCE]: "resource",
  [analyzer.PolicyType.POLICY_TYPE_STACK]: "stack",
};

/** The URN the engine would give a top-level resource of this stack. */
export function defaultUrn(type: string, name: string): string {
  return `urn:pulumi:stack::project::${type}::${name}`;
}

function toStruct(props: Record<string, unknown> | undefined): Struct {
  // JSON round trip drops `undefined` members the way the engine's marshalling does.
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(props ?? {})));
}

function options(r: ResourceInput): analyzer.AnalyzerResourceOptions {
  const o = new analyzer.AnalyzerResourceOptions();
  o.setProtect(r.protect ?? false);
  if (r.parent) o.setParent(r.parent);
  return o;
}

function provider(p: ProviderInput): analyzer.AnalyzerProviderResource {
  const m = new analyzer.AnalyzerProviderResource();
  m.setType(p.type);
  m.setName(p.name);
  m.setUrn(p.urn ?? defaultUrn(p.type, p.name));
  m.setProperties(toStruct(p.properties));
  return m;
}

/** The fields AnalyzeRequest and AnalyzerResource share. */
interface ResourceMessage {
  setType(v: string): unknown;
  setName(v: string): unknown;
  setUrn(v: string): unknown;
  setProperties(v?: Struct): unknown;
  setOptions(v?: analyzer.AnalyzerResourceOptions): unknown;
  setProvider(v?: analyzer.AnalyzerProviderResource): unknown;
}

function fill<M extends ResourceMessage>(m: M, r: ResourceInput): M {
  m.setType(r.type);
  m.setName(r.name);
  m.setUrn(r.urn ?? defaultUrn(r.type, r.name));
  m.setProperties(toStruct(r.properties));
  m.setOptions(options(r));
  if (r.provider) m.setProvider(provider(r.provider));
  return m;
}

export function analyzeRequest(r: ResourceInput): analyzer.AnalyzeRequest {
  return fill(new analyzer.AnalyzeRequest(), r);
}

export function analyzeStackRequest(resources: readonly ResourceInput[]): analyzer.AnalyzeStackRequest {
  const m = new analyzer.AnalyzeStackRequest();
  m.setResourcesList(
    resources.map((r) => {
      const a = fill(new analyzer.AnalyzerResource(), r);
      if (r.parent) a.setParent(r.parent);
      a.setDependenciesList([...(r.dependencies ?? [])]);
      for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
        const deps = new analyzer.AnalyzerPropertyDependencies();
        deps.setUrnsList([...urns]);
        a.getPropertydependenciesMap().set(k, deps);
      }
      return a;
    }),
  );
  return m;
}

export function configureRequest(config: ResolvedPackConfig): analyzer.ConfigureAnalyzerRequest {
  const m = new analyzer.ConfigureAnalyzerRequest();
  for (const [name, c] of Object.entries(config)) {
    const pc = new analyzer.PolicyConfig();
    pc.setEnforcementlevel(levelToProto[c.enforcementLevel]);
    pc.setProperties(toStruct(c.properties));
    m.getPolicyconfigMap().set(name, pc);
  }
  return m;
}

function notApplicable(list: analyzer.PolicyNotApplicable[]): NotApplicable[] {
  return list.map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() }));
}

export function fromAnalyzeResponse(r: analyzer.AnalyzeResponse): AnalyzeResult {
  return {
    diagnostics: r.getDiagnosticsList().map((d) => ({
      policyName: d.getPolicyname(),
      policyPackName: d.getPolicypackname(),
      policyPackVersion: d.getPolicypackversion(),
      description: d.getDescription(),
      message: d.getMessage(),
      enforcementLevel: levelFromProto(d.getEnforcementlevel()),
      ...(d.getUrn() ? { urn: d.getUrn() } : {}),
      ...(severities[d.getSeverity()] ? { severity: severities[d.getSeverity()] } : {}),
    })),
    notApplicable: notApplicable(r.getNotApplicableList()),
  };
}

export function fromRemediateResponse(r: analyzer.RemediateResponse): RemediateResult {
  return {
    remediations: r.getRemediationsList().map((x) => ({
      policyName: x.getPolicyname(),
      policyPackName: x.getPolicypackname(),
      policyPackVersion: x.getPolicypackversion(),
      description: x.getDescription(),
      ...(x.hasProperties()
        ? { properties: x.getProperties()!.toJavaScript() as Record<string, unknown> }
        : {}),
      ...(x.getDiagnostic() ? { diagnostic: x.getDiagnostic() } : {}),
    })),
    notApplicable: notApplicable(r.getNotApplicableList()),
  };
}

export function fromAnalyzerInfo(i: analyzer.AnalyzerInfo): AnalyzerInfo {
  return {
    name: i.getName(),
    displayName: i.getDisplayname(),
    version: i.getVersion(),
    supportsConfig: i.getSupportsconfig(),
    description: i.getDescription(),
    policies: i.getPoliciesList().map((p) => {
      const schema = p.getConfigschema();
      return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        enforcementLevel: levelFromProto(p.getEnforcementlevel()),
        policyType: policyTypes[p.getPolicyType()],
        ...(severities[p.getSeverity()] ? { severity: severities[p.getSeverity()] } : {}),
        ...(schema
          ? {
              configSchema: {
                properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, JsonSchema>,
                required: schema.getRequiredList(),
              },
            }
          : {}),
        tags: p.getTagsList(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
      };
    }),
  };
}
