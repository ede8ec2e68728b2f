import { StackValidationPolicy } from "@pulumi/policy";
import { createUnusedServicePermissionsPolicy } from "./lastAccessed/policy";
import { createAccountPolicies, memoiseReads } from "./policies";
import { quietSdk } from "./sdkWarning";
import { readAccount, readAnalyzersOf } from "./source";

// Before any AWS SDK client exists: the pack's stderr becomes every preview's diagnostics.
quietSdk();

const deps = { read: memoiseReads((s) => readAccount(s)), now: () => new Date(), baseDir: process.cwd() };

/**
 * The live-account policies as the pack runs them: the ambient credentials (or a credential
 * report file from each policy's config), read once per preview, the current time; then the
 * opt-in per-principal policy (disabled unless configured).
 */
export const accountPolicies: StackValidationPolicy[] = [
  ...createAccountPolicies({ ...deps, readAnalyzers: (s, regions) => readAnalyzersOf(s, regions) }),
  createUnusedServicePermissionsPolicy(deps),
];
