/**
 * The pack's own check of its config at run time. The Pulumi CLI validates a policy's config
 * against `{type: "object", properties, required}` only (@pulumi/policy sends the engine no more
 * of a configSchema, so `additionalProperties: false` never reaches it), and hands an unknown
 * property such as `minimumLenght` to Configure as given: the policy would silently keep its
 * default. So each policy first checks the properties it received against its schema and, on an
 * unknown one, fails the RPC (Analyze or AnalyzeStack) with the allowed properties named: the
 * preview stops with that error instead of passing a threshold nobody set. `enforcementLevel` is
 * always allowed (the CLI takes it out before validating and Configure carries it apart).
 */
import {
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyConfigError, PolicyDefaults, PolicyConfigSchema, unknownSettings } from "./packConfig";

function checkConfig(policy: PolicyDefaults, args: ResourceValidationArgs | StackValidationArgs): void {
  const problems = unknownSettings(policy, args.getConfig<Record<string, unknown>>());
  if (problems.length > 0) throw new PolicyConfigError(problems);
}

/** The policy, checking its config before each run; its schema declares `additionalProperties: false`. */
export function guardedPolicy(
  policy: ResourceValidationPolicy | StackValidationPolicy,
): ResourceValidationPolicy | StackValidationPolicy {
  const defaults: PolicyDefaults = {
    name: policy.name,
    enforcementLevel: policy.enforcementLevel ?? "advisory",
    configSchema: policy.configSchema as PolicyConfigSchema | undefined,
  };
  const configSchema = policy.configSchema && {
    ...policy.configSchema,
    additionalProperties: false,
  };
  if ("validateStack" in policy) {
    const validate = policy.validateStack;
    return {
      ...policy,
      ...(configSchema ? { configSchema } : {}),
      validateStack: async (args, report) => {
        checkConfig(defaults, args);
        await validate(args, report);
      },
    };
  }
  const validations = [policy.validateResource ?? []].flat();
  return {
    ...policy,
    ...(configSchema ? { configSchema } : {}),
    validateResource: async (args, report) => {
      checkConfig(defaults, args);
      for (const v of validations) await v(args, report);
    },
  };
}
