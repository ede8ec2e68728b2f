/**
 * Runs one policy object in-process the way the pack's server does (@pulumi/policy ships no test
 * helper): properties behind the unknown-checking proxy, config = schema defaults + overrides
 * (as the CLI fills them), violations collected, and an unknown value turned into the one
 * "can't decide during preview" outcome instead of an exception.
 */
import {
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
  UnknownValueError,
  unknownCheckingProxy,
} from "@pulumi/policy";

export interface Violation {
  readonly message: string;
  readonly urn?: string;
}

export interface Outcome {
  readonly violations: Violation[];
  /** Set when the policy read a value unknown during preview (the pack reports it as one advisory). */
  readonly cannotDecide?: string;
}

export interface TestResource {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
  readonly urn?: string;
}

export function urnOf(r: TestResource): string {
  return r.urn ?? `urn:pulumi:test::test::${r.type}::${r.name}`;
}

function configFor(
  policy: ResourceValidationPolicy | StackValidationPolicy,
  overrides: Record<string, unknown>,
): () => never {
  const defaults = Object.entries(policy.configSchema?.properties ?? {})
    .filter(([, s]) => typeof s === "object" && "default" in s)
    .map(([k, s]) => [k, (s as { default: unknown }).default]);
  const config = { ...Object.fromEntries(defaults), ...overrides };
  return (() => config) as () => never;
}

const opts = {
  protect: false,
  ignoreChanges: [],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
};

function resourceArgs(
  policy: ResourceValidationPolicy,
  r: TestResource,
  config: Record<string, unknown>,
): ResourceValidationArgs {
  return {
    type: r.type,
    name: r.name,
    urn: urnOf(r),
    props: unknownCheckingProxy(JSON.parse(JSON.stringify(r.props))),
    opts,
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: configFor(policy, config),
    notApplicable: (reason?: string) => {
      throw new Error(`not applicable: ${reason}`);
    },
  };
}

async function collect(run: (report: (message: string, urn?: string) => void) => unknown): Promise<Outcome> {
  const violations: Violation[] = [];
  try {
    await run((message, urn) => violations.push(urn === undefined ? { message } : { message, urn }));
  } catch (e) {
    if (e instanceof UnknownValueError) return { violations, cannotDecide: (e as Error).message };
    throw e;
  }
  return { violations };
}

/** Every validateResource function of the policy over one resource. */
export function validateResource(
  policy: ResourceValidationPolicy,
  r: TestResource,
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const validations = policy.validateResource === undefined ? [] : [policy.validateResource].flat();
  return collect(async (report) => {
    for (const v of validations) await v(resourceArgs(policy, r, config), report);
  });
}

/** The policy's remediation over one resource: the new properties, or undefined when it changes nothing. */
export async function remediateResource(
  policy: ResourceValidationPolicy,
  r: TestResource,
  config: Record<string, unknown> = {},
): Promise<Record<string, unknown> | undefined> {
  if (!policy.remediateResource) throw new Error(`${policy.name} has no remediateResource`);
  const result = await policy.remediateResource(resourceArgs(policy, r, config));
  return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as Record<string, unknown>);
}

/** The stack policy over a list of resources (their outputs, as AnalyzeStack sends them). */
export function validateStack(
  policy: StackValidationPolicy,
  resources: readonly TestResource[],
  config: Record<string, unknown> = {},
): Promise<Outcome> {
  const policyResources: PolicyResource[] = resources.map((r) => ({
    type: r.type,
    name: r.name,
    urn: urnOf(r),
    props: unknownCheckingProxy(JSON.parse(JSON.stringify(r.props))),
    opts,
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  }));
  return collect((report) =>
    policy.validateStack(
      {
        resources: policyResources,
        stackTags: new Map(),
        getConfig: configFor(policy, config),
        notApplicable: (reason?: string) => {
          throw new Error(`not applicable: ${reason}`);
        },
      },
      report,
    ),
  );
}
