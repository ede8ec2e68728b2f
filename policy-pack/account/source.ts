/** Where the account is read from, and reading it: the one entry both front ends call. */
import { assumeRoleChain, RoleToAssume } from "./assumeRole";
import { callUnder, Deadline } from "./deadline";
import { AccountFacts, Fact } from "./facts";
import { readAnalyzerRegions } from "./permissions/readSnapshot";
import type { Analyzer } from "./permissions/snapshot";
import { ApiReadOptions, baseClientConfig, deadlineOf, readAccountFromApi } from "./readApi";
import { readCredentialReportFile } from "./readCsv";

export type AccountSource =
  | {
      readonly kind: "api";
      readonly reportWaitSeconds: number;
      /** The longest the whole read may take, role assumption included (accountDeadlineSeconds). */
      readonly deadlineSeconds?: number;
      /** Roles assumed in order before reading (the aws provider's `assumeRoles`); none: the ambient account. */
      readonly roles?: readonly RoleToAssume[];
      /** The region STS and the other clients use; default AWS_REGION. */
      readonly region?: string;
    }
  | { readonly kind: "file"; readonly path: string; readonly displayName: string };

/** A stable key per source (role chain and region included), so one preview reads each source once. */
export function sourceKey(s: AccountSource): string {
  return s.kind === "api"
    ? `api:${s.reportWaitSeconds}:${s.deadlineSeconds ?? ""}:${s.region ?? ""}:${JSON.stringify(s.roles ?? [])}`
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
 * parsed (CredentialReportError), each with a one-line message. One deadline bounds the role
 * assumption and the read together.
 */
export async function readAccount(
  s: AccountSource,
  api: Omit<ApiReadOptions, "reportWaitSeconds" | "deadlineSeconds" | "deadline"> = {},
): Promise<AccountFacts> {
  if (s.kind === "file") return readCredentialReportFile(s.path, s.displayName);
  return reaching(s, api, (clientConfig, deadline) =>
    readAccountFromApi({ ...api, reportWaitSeconds: s.reportWaitSeconds, deadline, clientConfig }),
  );
}

/**
 * Runs `read` with the client configuration that reaches an API source (its region, its role
 * chain assumed) under one deadline for the assumption and the read together.
 */
async function reaching<T>(
  s: Extract<AccountSource, { kind: "api" }>,
  api: Pick<ApiReadOptions, "clientConfig" | "requestTimeoutMs" | "deadlineSetting">,
  read: (clientConfig: Record<string, unknown>, deadline: Deadline) => Promise<T>,
): Promise<T> {
  const { deadline } = deadlineOf({ ...api, deadlineSeconds: s.deadlineSeconds });
  try {
    return await read(await sourceClientConfig(s, api, deadline), deadline);
  } finally {
    deadline.dispose();
  }
}

/**
 * The client configuration that reaches an API source: its region, the request time-outs, and
 * its role chain assumed under `deadline`.
 */
export async function sourceClientConfig(
  s: Extract<AccountSource, { kind: "api" }>,
  api: Pick<ApiReadOptions, "clientConfig" | "requestTimeoutMs">,
  deadline: Deadline,
): Promise<Record<string, unknown>> {
  const clientConfig = baseClientConfig(
    { ...api.clientConfig, ...(s.region ? { region: s.region } : {}) },
    api.requestTimeoutMs,
  );
  const credentials = s.roles?.length
    ? await assumeRoleChain(s.roles, clientConfig, packSessionName, undefined, deadline)
    : undefined;
  return { ...clientConfig, ...(credentials ? { credentials } : {}) };
}

/**
 * The analyzers of more regions than the source's own (access-analyzer-enabled's `regions`),
 * read on their own so the other policies' one read per source is shared; none from a file.
 */
export async function readAnalyzersOf(
  s: AccountSource,
  regions: readonly string[],
  api: Pick<ApiReadOptions, "clientConfig" | "requestTimeoutMs"> = {},
): Promise<Record<string, Fact<readonly Analyzer[]>>> {
  if (s.kind === "file" || regions.length === 0) return {};
  return reaching(s, api, (clientConfig, deadline) =>
    readAnalyzerRegions(clientConfig, regions, callUnder(deadline)),
  );
}
