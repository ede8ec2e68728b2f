/**
 * The vocabulary the components (aws-account-baseline) and the checks
 * (aws-account-baseline-policy-pack) share, so what is deployed and what is judged cannot drift
 * apart: the MFA self-service actions and the baseline's password policy. It imports nothing.
 */
export * from "./selfService";
export * from "./passwordPolicy";
