/** Where the account is read from, and reading it: the one entry both front ends call. */
import { assumeRoleChain, RoleToAssume } from "./assumeRole";
import { AccountFacts } from "./facts";
import { ApiReadOptions, readAccountFromApi } from "./readApi";
import { readCredentialReportFile } from "./readCsv";

export type AccountSource =
  | {
      readonly kind: "api";
      readonly reportWaitSeconds: number;
      /** Roles assumed in order before reading (the aws provider's `assumeRoles`); none: the ambient account. */
      readonly roles?: readonly RoleToAssume[];
      /** The region STS and the other clients use; default AWS_REGION. */
      readonly region?: string;
    }
  | { readonly kind: "file"; readonly path: string; readonly displayName: string };

/** A stable key per source (role chain and region included), so one preview reads each source once. */
export function sourceKey(s: AccountSource): string {
  return s.kind === "api"
    ? `api:${s.reportWaitSeconds}:${s.region ?? ""}:${JSON.stringify(s.roles ?? [])}`
    : `file:${s.path}`;
}

/** The role the account is reached through: the last of the chain. */
export function viaRole(s: AccountSource): string | undefined {
  return s.kind === "api" ? s.roles?.[s.roles.length - 1]?.roleArn : undefined;
}

export const packSessionName = "aws-account-baseline-check";

/**
 * Reads one source. The API read turns every failed read into an unavailable fact; what throws
 * is a role that cannot be assumed (AssumeRoleError) and a report file that cannot be read or
 * parsed (CredentialReportError), each with a one-line message.
 */
export async function readAccount(
  s: AccountSource,
  api: Omit<ApiReadOptions, "reportWaitSeconds"> = {},
): Promise<AccountFacts> {
  if (s.kind === "file") return readCredentialReportFile(s.path, s.displayName);
  const clientConfig = { ...api.clientConfig, ...(s.region ? { region: s.region } : {}) };
  const credentials = s.roles?.length
    ? await assumeRoleChain(s.roles, clientConfig, packSessionName)
    : undefined;
  return readAccountFromApi({
    ...api,
    reportWaitSeconds: s.reportWaitSeconds,
    clientConfig: { ...clientConfig, ...(credentials ? { credentials } : {}) },
  });
}
