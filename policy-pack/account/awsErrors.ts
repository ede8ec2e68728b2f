/**
 * Turns an AWS SDK error into one line naming the cause and, for a denial, the permission to
 * grant. Error names are matched as the v3 SDK reports them (`AccessDenied` from IAM's Query
 * protocol, `AccessDeniedException` from REST-JSON, `CredentialsProviderError`, ...).
 */
import type { Fact } from "./facts";
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

/** "300 ms", "10 s". */
const duration = (ms: number): string => (ms < 1000 || ms % 1000 !== 0 ? `${ms} ms` : `${ms / 1000} s`);

/** The time a smithy timeout error names ("within 5000 ms", "configured 10000 ms requestTimeout", "after 10000 ms"). */
function timeoutOf(message: string): string {
  const ms = /(\d+) ?ms/.exec(message)?.[1];
  return ms ? ` within ${duration(Number(ms))}` : "";
}

/** An answer that is not the API's: an HTML page of a captive portal or proxy, a truncated body. */
export function notAwsAnswer(permission: string, detail: string): string {
  return `${permission} got an answer that is not AWS's answer (${detail}); a proxy or captive portal may be in the way`;
}

/** The SDK could not deserialize a response (it marks such errors with the raw `$response`). */
function isDeserializationError(err: { message?: string; $response?: unknown }): boolean {
  return err.$response !== undefined && /Deserialization error/.test(err.message ?? "");
}

const notImplementedNames =
  /^(InvalidAction|UnknownOperation|NotImplemented|UnsupportedOperation)(Exception)?$/;

/** An endpoint that does not implement the action at all (an emulator, a partition without the service). */
export function isNotImplemented(e: unknown): boolean {
  const err = (e ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  return (
    notImplementedNames.test(err.name ?? "") ||
    status === 501 ||
    (status === 404 && err.name === "UnknownError")
  );
}

export function describeAwsFailure(permission: string, e: unknown): string {
  if (isNotImplemented(e)) {
    const name = (e as { name?: string }).name ?? "Error";
    return `${permission} is not implemented by the endpoint (${name}); the checks that need it were not evaluated`;
  }
  const err = (e ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    $response?: { statusCode?: number; headers?: Record<string, string> };
    $metadata?: { attempts?: number };
  };
  const name = err.name ?? "Error";
  const msg = oneLine(err.message);
  if (name === "TimeoutError") {
    const attempts = err.$metadata?.attempts ?? 1;
    return `${permission} timed out: no answer${timeoutOf(msg)} (${attempts} attempt${attempts === 1 ? "" : "s"})`;
  }
  if (isDeserializationError(err)) {
    const r = err.$response;
    const type = r?.headers?.["content-type"];
    const what = oneLine(msg.replace(/Deserialization error:.*$/, ""), 120);
    return notAwsAnswer(permission, `HTTP ${r?.statusCode ?? "?"}${type ? `, ${type}` : ""}: ${what}`);
  }
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

/** Runs one AWS call, turning any failure into a ReadFailure naming `permission` (one already described passes as is). */
export async function attempt<T>(permission: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof ReadFailure) throw e;
    throw new ReadFailure(describeAwsFailure(permission, e));
  }
}

/** What the API always returns on success; missing, the answer was not the API's. */
export function present<T>(permission: string, value: T | undefined | null, member: string): T {
  if (value === undefined || value === null) {
    throw new ReadFailure(notAwsAnswer(permission, `HTTP 200 without ${member}`));
  }
  return value;
}

/** Resolves a read to a Fact: its value, or the ReadFailure's reason. */
export async function fact<T>(read: () => Promise<T>): Promise<Fact<T>> {
  try {
    return { value: await read() };
  } catch (e) {
    if (e instanceof ReadFailure) return { unavailable: e.message };
    return { unavailable: `unexpected error: ${(e as Error).message ?? String(e)}` };
  }
}
