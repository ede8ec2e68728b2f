/**
 * The four password-policy checks over the stack's `aws.iam.AccountPasswordPolicy`, each a thin
 * wrapper over the shared rule in ../rules/passwordPolicy.ts (the audit judges the live account
 * with the same rules). With enforcement level "remediate" each raises its own settings to its
 * thresholds through `strengthenPasswordPolicy`; stronger values are kept.
 */
import { EnforcementLevel, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import {
  CharacterClassesConfig,
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
import { Field, readSettings, wrongTypeMessage } from "./passwordPolicySettings";
import { awsTypes } from "./types";

const passwordPolicyDocs =
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html";

function remediationSteps(setting: string): string {
  return (
    `Set ${setting} on the aws.iam.AccountPasswordPolicy (the PasswordPolicy component's defaults comply), ` +
    `or run the pack with this policy at enforcement level "remediate" to raise it on deployment. ` +
    `Console: IAM > Account settings > Password policy > Edit.`
  );
}

function passwordPolicyPolicy<R extends PasswordPolicyRuleName>(spec: {
  name: R;
  sentence: string;
  enforcementLevel: EnforcementLevel;
  setting: string;
  fields: readonly Field[];
  check: (s: PasswordPolicySettings, c: PasswordPolicyConfig[R]) => string | undefined;
  /** What the threshold asks of a field, for the message when the field has the wrong type. */
  requirement: (c: PasswordPolicyConfig[R], field: Field) => string;
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
      const { settings, wrongTypes } = readSettings(args.props, spec.fields);
      const c = config(args);
      // A wrong type is reported on its own; the rule judges the settings once they are well typed.
      for (const w of wrongTypes) reportViolation(wrongTypeMessage(w, spec.requirement(c, w.field)));
      const message = wrongTypes.length === 0 ? spec.check(settings, c) : undefined;
      if (message) reportViolation(message);
    },
    remediateResource: (args) => {
      if (args.type !== awsTypes.accountPasswordPolicy) return undefined;
      const { settings, given, wrongTypes } = readSettings(args.props, spec.fields);
      const c = config(args);
      if (wrongTypes.length === 0 && !spec.check(settings, c)) return undefined;
      // A wrong-typed field is raised as if unset: to the threshold.
      const raised = strengthenPasswordPolicy(settings, { ...defaultPasswordPolicyConfig, [spec.name]: c });
      for (const f of spec.fields) {
        // Leave an unset class requirement unset rather than writing an explicit `false`.
        if (raised[f] !== given[f] && !(raised[f] === false && given[f] === undefined)) {
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
  requirement: (c) => `at least ${c.minimumLength} is required`,
});

export const passwordPolicyReusePrevention = passwordPolicyPolicy({
  name: "password-policy-reuse-prevention",
  sentence: "The account password policy prevents reuse of the configured number of previous passwords.",
  enforcementLevel: "mandatory",
  setting: "passwordReusePrevention",
  fields: ["passwordReusePrevention"],
  check: checkReusePrevention,
  requirement: (c) => `at least ${c.minimumReusePrevention} previous passwords must be remembered`,
});

/** The character-class config switch for each class field. */
const classConfigKey: Partial<Record<Field, keyof CharacterClassesConfig>> = {
  requireUppercaseCharacters: "requireUppercase",
  requireLowercaseCharacters: "requireLowercase",
  requireNumbers: "requireNumbers",
  requireSymbols: "requireSymbols",
};

export const passwordPolicyCharacterClasses = passwordPolicyPolicy({
  name: "password-policy-character-classes",
  sentence: "The account password policy requires uppercase and lowercase letters, numbers and symbols.",
  enforcementLevel: "mandatory",
  setting: "requireUppercaseCharacters, requireLowercaseCharacters, requireNumbers and requireSymbols",
  fields: ["requireUppercaseCharacters", "requireLowercaseCharacters", "requireNumbers", "requireSymbols"],
  check: checkCharacterClasses,
  requirement: (c, field) => {
    const key = classConfigKey[field];
    return key !== undefined && c[key] ? "it must be true" : "it must be true or false";
  },
});

export const passwordPolicyMaxAge = passwordPolicyPolicy({
  name: "password-policy-max-age",
  sentence: "The account password policy expires passwords within the configured number of days.",
  enforcementLevel: "advisory",
  setting: "maxPasswordAge",
  fields: ["maxPasswordAge"],
  check: checkMaxAge,
  requirement: (c) => `a maximum age of at most ${c.maximumAgeDays} days is required`,
});

export const passwordPolicies: ResourceValidationPolicy[] = [
  passwordPolicyMinimumLength,
  passwordPolicyReusePrevention,
  passwordPolicyCharacterClasses,
  passwordPolicyMaxAge,
];
