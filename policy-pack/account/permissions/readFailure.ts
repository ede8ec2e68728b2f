/**
 * One failed permissions read as one line naming the permission: readApi's descriptions
 * (denied, throttled past the SDK's retries, no credentials, unreachable), plus an endpoint that
 * does not implement the action at all (an emulator, a partition without the service), which
 * readApi's reads never meet.
 */
import { describeAwsFailure, ReadFailure } from "../awsErrors";

const notImplementedNames =
  /^(InvalidAction|UnknownOperation(Exception)?|NotImplemented|UnsupportedOperation(Exception)?)$/;

function isNotImplemented(e: unknown): boolean {
  const err = (e ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  return (
    notImplementedNames.test(err.name ?? "") ||
    status === 501 ||
    (status === 404 && err.name === "UnknownError")
  );
}

export function describePermissionFailure(permission: string, e: unknown): string {
  if (isNotImplemented(e)) {
    const name = (e as { name?: string }).name ?? "Error";
    return `${permission} is not implemented by the endpoint (${name}); the checks that need it were not evaluated`;
  }
  return describeAwsFailure(permission, e);
}

/** Runs one AWS call, turning any failure into a ReadFailure naming `permission`. */
export async function attemptPermission<T>(permission: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof ReadFailure) throw e;
    throw new ReadFailure(describePermissionFailure(permission, e));
  }
}
