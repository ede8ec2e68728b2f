/**
 * The four password-policy checks over the stack's `aws.iam.AccountPasswordPolicy`, each a thin
 * wrapper over the shared rule in ../rules/passwordPolicy.ts (the audit judges the live account
 * with the same rules). With enforcement level "remediate" each raises its own settings to its
 * thresholds through `strengthenPasswordPolicy`; stronger values are kept.
 */
import { EnforcementLevel, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import {
  PasswordPolicyConfig,
  PasswordPolicyRuleName,
  PasswordPolicySettings,
  checkCharacterClasses,
  checkMaxAge,
  checkMinimumLength,
  checkReusePrevention,
  defaultPasswordPolicyConfig,
  passwordPolicyConfigSchemas,
  strengthenPasswordPolicy,
} from "../rules/passwordPolicy";
import { policyMeta } from "./meta";
import { awsTypes } from "./types";

type Field = keyof PasswordPolicySettings;

const passwordPolicyDocs =
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html";

function remediationSteps(setting: string): string {
  return (
    `Set ${setting} on the aws.iam.AccountPasswordPolicy (the PasswordPolicy component's defaults comply), ` +
    `or run the pack with this policy at enforcement level "remediate" to raise it on deployment. ` +
    `Console: IAM > Account settings > Password policy > Edit.`
  );
}

/** Reads only the given fields, so an unknown elsewhere in the resource does not stop this check. */
function read(props: Record<string, unknown>, fields: readonly Field[]): PasswordPolicySettings {
  return Object.fromEntries(fields.map((f) => [f, props[f] ?? undefined]).filter(([, v]) => v !== undefined));
}

function passwordPolicyPolicy<R extends PasswordPolicyRuleName>(spec: {
  name: R;
  sentence: string;
  enforcementLevel: EnforcementLevel;
  setting: string;
  fields: readonly Field[];
  check: (s: PasswordPolicySettings, c: PasswordPolicyConfig[R]) => string | undefined;
}): ResourceValidationPolicy {
  const config = (args: ResourceValidationArgs): PasswordPolicyConfig[R] => ({
    ...defaultPasswordPolicyConfig[spec.name],
    ...args.getConfig<Partial<PasswordPolicyConfig[R]>>(),
  });
  return {
    ...policyMeta(spec.name, spec.sentence, {
      enforcementLevel: spec.enforcementLevel,
      remediationSteps: remediationSteps(spec.setting),
      url: passwordPolicyDocs,
    }),
    configSchema: passwordPolicyConfigSchemas[spec.name],
    validateResource: (args, reportViolation) => {
      if (args.type !== awsTypes.accountPasswordPolicy) return;
      const message = spec.check(read(args.props, spec.fields), config(args));
      if (message) reportViolation(message);
    },
    remediateResource: (args) => {
      if (args.type !== awsTypes.accountPasswordPolicy) return undefined;
      const current = read(args.props, spec.fields);
      const c = config(args);
      if (!spec.check(current, c)) return undefined;
      const raised = strengthenPasswordPolicy(current, { ...defaultPasswordPolicyConfig, [spec.name]: c });
      for (const f of spec.fields) {
        // Leave an unset class requirement unset rather than writing an explicit `false`.
        if (raised[f] !== current[f] && !(raised[f] === false && current[f] === undefined)) {
          args.props[f] = raised[f];
        }
      }
      return args.props;
    },
  };
}

export const passwordPolicyMinimumLength = passwordPolicyPolicy({
  name: "password-policy-minimum-length",
  sentence: "The account password policy requires passwords of at least the configured length.",
  enforcementLevel: "mandatory",
  setting: "minimumPasswordLength",
  fields: ["minimumPasswordLength"],
  check: checkMinimumLength,
});

export const passwordPolicyReusePrevention = passwordPolicyPolicy({
  name: "password-policy-reuse-prevention",
  sentence: "The account password policy prevents reuse of the configured number of previous passwords.",
  enforcementLevel: "mandatory",
  setting: "passwordReusePrevention",
  fields: ["passwordReusePrevention"],
  check: checkReusePrevention,
});

export const passwordPolicyCharacterClasses = passwordPolicyPolicy({
  name: "password-policy-character-classes",
  sentence: "The account password policy requires uppercase and lowercase letters, numbers and symbols.",
  enforcementLevel: "mandatory",
  setting: "requireUppercaseCharacters, requireLowercaseCharacters, requireNumbers and requireSymbols",
  fields: ["requireUppercaseCharacters", "requireLowercaseCharacters", "requireNumbers", "requireSymbols"],
  check: checkCharacterClasses,
});

export const passwordPolicyMaxAge = passwordPolicyPolicy({
  name: "password-policy-max-age",
  sentence: "The account password policy expires passwords within the configured number of days.",
  enforcementLevel: "advisory",
  setting: "maxPasswordAge",
  fields: ["maxPasswordAge"],
  check: checkMaxAge,
});

export const passwordPolicies: ResourceValidationPolicy[] = [
  passwordPolicyMinimumLength,
  passwordPolicyReusePrevention,
  passwordPolicyCharacterClasses,
  passwordPolicyMaxAge,
];
