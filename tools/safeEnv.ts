/**
 * The environment every test, benchmark and `npm run check` runs with, and passes to what it
 * spawns: no instance metadata, fake static credentials, no shared config or credentials file,
 * and a loopback endpoint that nothing overrides, so no AWS SDK call can leave the machine.
 *
 * The SDK would otherwise still leave it: `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`, a
 * service-specific `AWS_ENDPOINT_URL_<SERVICE>`, or `ignore_configured_endpoint_urls` /
 * `endpoint_url` in ~/.aws/config all win over `AWS_ENDPOINT_URL`; web-identity and container
 * credential variables send the credential chain elsewhere.
 */
const removed = [
  /^AWS_ENDPOINT_URL_/,
  /^AWS_IGNORE_CONFIGURED_ENDPOINT_URLS$/,
  /^AWS_PROFILE$/,
  /^AWS_DEFAULT_PROFILE$/,
  /^AWS_SESSION_TOKEN$/,
  /^AWS_ROLE_ARN$/,
  /^AWS_ROLE_SESSION_NAME$/,
  /^AWS_WEB_IDENTITY_TOKEN_FILE$/,
  /^AWS_CONTAINER_/,
  /^AWS_USE_FIPS_ENDPOINT$/,
  /^AWS_USE_DUALSTACK_ENDPOINT$/,
];

const nowhere = "/nonexistent/aws-account-baseline";

export const fakeAwsEnv: Readonly<Record<string, string>> = {
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  AWS_REGION: "us-east-1",
  AWS_ENDPOINT_URL: "http://127.0.0.1:9",
  AWS_CONFIG_FILE: `${nowhere}/config`,
  AWS_SHARED_CREDENTIALS_FILE: `${nowhere}/credentials`,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

/** This process's environment, scrubbed and faked as above, with `extra` on top. */
export function safeEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!removed.some((r) => r.test(k))) env[k] = v;
  }
  return { ...env, ...fakeAwsEnv, ...extra };
}

/** Makes this process's own environment the safe one (tests, benchmarks run directly). */
export function applySafeEnv(): void {
  const env = safeEnv();
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
  Object.assign(process.env, env);
}
