/**
 * Which account a credential report describes. A report covers one account, so every ARN in it
 * names the same one: `<root_account>`'s row decides, and without that row (filtered, or from an
 * emulator) the users' ARNs do. Rows of another account (two reports joined, a hand-edited file)
 * are rejected naming them, never audited as one account.
 */
import { ReportUser, ROOT_USER } from "./facts";
import { CredentialReportError, printable } from "./reportError";

const accountInArn = /^arn:aws[\w-]*:iam::(\d{12}):/;

interface Seen {
  readonly line: number;
  readonly user: string;
  rows: number;
}

/** The account of the rows' ARNs; null when none names one. Throws when they name several. */
export function oneAccount(users: readonly ReportUser[]): string | null {
  const accounts = new Map<string, Seen>();
  let root: string | undefined;
  for (const u of users) {
    const account = accountInArn.exec(u.arn)?.[1];
    if (account === undefined) continue;
    if (u.isRoot) root = account;
    const seen = accounts.get(account);
    if (seen) seen.rows++;
    else accounts.set(account, { line: u.line, user: u.user, rows: 1 });
  }
  if (accounts.size <= 1) return accounts.keys().next().value ?? null;
  const list = [...accounts].map(
    ([id, s]) =>
      `${id} (${s.rows} row${s.rows === 1 ? "" : "s"}, first line ${s.line}, ${printable(s.user)})`,
  );
  const which = root
    ? `its ${ROOT_USER} row is account ${root}`
    : `it has no ${ROOT_USER} row to say which it describes`;
  throw new CredentialReportError(
    `credential report mixes ${accounts.size} accounts: ${list.join("; ")}; a report describes one account and ${which}: audit each account's report on its own`,
  );
}
