/**
 * Account facts from a credential report file (the console's "Download report"): the users and
 * root rows only. What a report does not contain is unavailable, with the reason, so the checks
 * that need it come out `not-evaluated` instead of silently passing. A file without the
 * `<root_account>` row (truncated or filtered) is rejected by the parser, not audited as clean.
 */
import { readFile } from "fs/promises";
import { CredentialReportError, parseCredentialReport } from "./csv";
import { AccountFacts, available, ContactType, contactTypes, unavailable } from "./facts";

const notInReport = (what: string, api: string): string =>
  `a credential report file does not contain ${what}; run against the account (${api}) to check it`;

/** Facts from report text already in memory. */
export function factsFromReport(content: string | Uint8Array, sourceFile?: string): AccountFacts {
  const report = parseCredentialReport(content);
  return {
    accountId: report.accountId,
    source: "credential-report",
    sourceFile,
    reportGeneratedAt: null,
    users: available(report.users),
    summary: unavailable(notInReport("the account summary", "iam:GetAccountSummary")),
    rootVirtualMfaDevices: unavailable(
      notInReport("whether root's MFA device is hardware or virtual", "iam:ListVirtualMFADevices"),
    ),
    passwordPolicy: unavailable(notInReport("the password policy", "iam:GetAccountPasswordPolicy")),
    alternateContacts: Object.fromEntries(
      contactTypes.map((t) => [
        t,
        unavailable(notInReport("alternate contacts", "account:GetAlternateContact")),
      ]),
    ) as Record<ContactType, ReturnType<typeof unavailable<boolean>>>,
  };
}

/** Reads and parses a report file; throws CredentialReportError (one line) when it cannot. */
export async function readCredentialReportFile(file: string, displayName = file): Promise<AccountFacts> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new CredentialReportError(`cannot read credential report ${displayName}: ${code}`);
  }
  try {
    return factsFromReport(content, displayName);
  } catch (e) {
    if (e instanceof CredentialReportError) throw new CredentialReportError(`${displayName}: ${e.message}`);
    throw e;
  }
}
