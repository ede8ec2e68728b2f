/**
 * Turns an AWS SDK error into one line naming the cause and, for a denial, the permission to
 * grant. Error names are matched as the v3 SDK reports them (`AccessDenied` from IAM's Query
 * protocol, `AccessDeniedException` from REST-JSON, `CredentialsProviderError`, ...).
 */
const networkCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ETIMEDOUT",
  "ECONNRESET",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);

function oneLine(s: string | undefined, max = 200): string {
  const flat = (s ?? "").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function describeAwsFailure(permission: string, e: unknown): string {
  const err = (e ?? {}) as { name?: string; code?: string; message?: string };
  const name = err.name ?? "Error";
  const msg = oneLine(err.message);
  if (/AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name)) {
    return `${permission} was denied (${name}); grant ${permission} to the credentials running the check`;
  }
  if (/Throttl|TooManyRequests|RequestLimitExceeded/i.test(name)) {
    return `${permission} was throttled past the SDK's retries (${name}); run the check again later`;
  }
  if (name === "CredentialsProviderError" || /could not load credentials/i.test(msg)) {
    return `no AWS credentials were found (${msg}); configure credentials or read a credential report file`;
  }
  if (
    /InvalidClientTokenId|UnrecognizedClient|ExpiredToken|SignatureDoesNotMatch|InvalidAccessKeyId/.test(name)
  ) {
    return `the AWS credentials were rejected calling ${permission} (${name})`;
  }
  if ((err.code && networkCodes.has(err.code)) || name === "TimeoutError" || networkCodes.has(name)) {
    return `AWS could not be reached calling ${permission} (${err.code ?? name}${msg ? `: ${msg}` : ""})`;
  }
  return `${permission} failed (${name}${msg ? `: ${msg}` : ""})`;
}

/** A read that failed, already described. */
export class ReadFailure extends Error {}

/** Runs one AWS call, turning any failure into a ReadFailure naming `permission`. */
export async function attempt<T>(permission: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw new ReadFailure(describeAwsFailure(permission, e));
  }
}
