/**
 * Account facts from a credential report file (the console's "Download report", or the AWS CLI's
 * `aws iam get-credential-report` output): the users and root rows only. What a report does not
 * contain is unavailable, with the reason, so the checks that need it come out `not-evaluated`
 * instead of silently passing. A file without the `<root_account>` row (filtered or truncated)
 * is judged on its users; the root checks say the row is missing.
 */
import { CredentialReportError, parseCredentialReport } from "./csv";
import { AccountFacts, available, ContactType, contactTypes, unavailable } from "./facts";
import { readBounded } from "./readBounded";
import { decodeReportFile, maxReportBytes } from "./reportFile";

const notInReport = (what: string, api: string): string =>
  `a credential report file does not contain ${what}; run against the account (${api}) to check it`;

/** Facts from report text already in memory. */
export function factsFromReport(
  content: string | Uint8Array,
  sourceFile?: string,
  reportGeneratedAt: Date | null = null,
): AccountFacts {
  const report = parseCredentialReport(content);
  return {
    accountId: report.accountId,
    source: "credential-report",
    sourceFile,
    reportGeneratedAt,
    users: available(report.users),
    summary: unavailable(notInReport("the account summary", "iam:GetAccountSummary")),
    rootVirtualMfaDevices: unavailable(
      notInReport("whether root's MFA device is hardware or virtual", "iam:ListVirtualMFADevices"),
    ),
    passwordPolicy: unavailable(notInReport("the password policy", "iam:GetAccountPasswordPolicy")),
    authorization: unavailable(notInReport("who holds which policies", "iam:GetAccountAuthorizationDetails")),
    serverCertificates: unavailable(notInReport("server certificates", "iam:ListServerCertificates")),
    analyzers: {},
    organizationsFeatures: unavailable(
      notInReport("Organizations' root access features", "iam:ListOrganizationsFeatures"),
    ),
    alternateContacts: Object.fromEntries(
      contactTypes.map((t) => [
        t,
        unavailable(notInReport("alternate contacts", "account:GetAlternateContact")),
      ]),
    ) as Record<ContactType, ReturnType<typeof unavailable<boolean>>>,
  };
}

/** What an errno means, for one line naming the file (never a bare ENOENT). */
function fileProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "does not exist";
    case "EISDIR":
      return "is a directory; give the report file itself";
    case "EACCES":
    case "EPERM":
      return "cannot be read: permission denied";
    case "ENOTDIR":
      return "does not exist (a part of the path is not a directory)";
    case "ELOOP":
      return "cannot be read: too many symbolic links";
    default:
      return `cannot be read (${code ?? (e as Error).message ?? String(e)})`;
  }
}

/** Reads and parses a report file; throws CredentialReportError (one line) when it cannot. */
export async function readCredentialReportFile(file: string, displayName = file): Promise<AccountFacts> {
  let content: Buffer;
  try {
    content = await readBounded(
      file,
      maxReportBytes,
      () =>
        new CredentialReportError(
          `credential report ${displayName} is larger than ${maxReportBytes / 1024 / 1024} MiB; a report of 5,000 users (IAM's limit per account) is about 1 MiB`,
        ),
    );
  } catch (e) {
    if (e instanceof CredentialReportError) throw e;
    throw new CredentialReportError(`credential report ${displayName} ${fileProblem(e)}`);
  }
  const decoded = decodeReportFile(content, displayName);
  try {
    return factsFromReport(decoded.csv, displayName, decoded.generatedAt);
  } catch (e) {
    if (e instanceof CredentialReportError) throw new CredentialReportError(`${displayName}: ${e.message}`);
    throw e;
  }
}
