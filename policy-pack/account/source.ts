/** Where the account is read from, and reading it: the one entry both front ends call. */
import { AccountFacts } from "./facts";
import { ApiReadOptions, readAccountFromApi } from "./readApi";
import { readCredentialReportFile } from "./readCsv";

export type AccountSource =
  | { readonly kind: "api"; readonly reportWaitSeconds: number }
  | { readonly kind: "file"; readonly path: string; readonly displayName: string };

/** A stable key per source, so one preview reads each source once. */
export function sourceKey(s: AccountSource): string {
  return s.kind === "api" ? `api:${s.reportWaitSeconds}` : `file:${s.path}`;
}

/** The API read never throws; a report file that cannot be read or parsed throws CredentialReportError. */
export function readAccount(
  s: AccountSource,
  api: Omit<ApiReadOptions, "reportWaitSeconds"> = {},
): Promise<AccountFacts> {
  return s.kind === "api"
    ? readAccountFromApi({ ...api, reportWaitSeconds: s.reportWaitSeconds })
    : readCredentialReportFile(s.path, s.displayName);
}
