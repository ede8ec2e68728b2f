/**
 * The IAM credential report CSV (GetCredentialReport's Content, or the console's "Download
 * report"), read by header name with csv-parse: CRLF or LF, a UTF-8 BOM, extra and reordered
 * columns are accepted; a missing column the checks need is rejected with its name; the special
 * values `N/A`, `no_information` and `not_supported` become typed facts.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
import { parse } from "csv-parse/sync";
import { AccessKeyFacts, ReportUser, ROOT_USER } from "./facts";

/** Bad input: the message names the line and column, and is fit for one line on stderr. */
export class CredentialReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialReportError";
  }
}

export const requiredColumns = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
] as const;
type Column = (typeof requiredColumns)[number];

export interface CredentialReport {
  /** From the root row's ARN, else the first user's; null for a report with no rows. */
  readonly accountId: string | null;
  readonly users: readonly ReportUser[];
}

const specials = new Set(["N/A", "no_information", "not_supported"]);
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const accountInArn = /^arn:aws[\w-]*:iam::(\d{12}):/;

class Row {
  constructor(
    private readonly cells: string[],
    private readonly index: Record<Column, number>,
    readonly line: number,
  ) {}

  text(column: Column): string {
    return this.cells[this.index[column]].trim();
  }

  private bad(column: Column, expected: string): CredentialReportError {
    return new CredentialReportError(
      `credential report line ${this.line}, column ${column}: expected ${expected}, got "${this.text(column)}"`,
    );
  }

  bool(column: Column, allowNotSupported = false): boolean | "not_supported" {
    const v = this.text(column).toLowerCase();
    if (v === "true") return true;
    if (v === "false") return false;
    if (allowNotSupported && v === "not_supported") return "not_supported";
    throw this.bad(column, allowNotSupported ? "true, false or not_supported" : "true or false");
  }

  /** An ISO 8601 time, or null for one of the special values (meaning depends on the column). */
  time(column: Column): Date | null {
    const v = this.text(column);
    if (specials.has(v)) return null;
    const t = isoTime.test(v) ? new Date(v) : undefined;
    if (!t || Number.isNaN(t.getTime())) {
      throw this.bad(column, "an ISO 8601 time, N/A, no_information or not_supported");
    }
    return t;
  }
}

function columnIndex(header: string[]): Record<Column, number> {
  const names = header.map((h) => h.trim());
  const missing = requiredColumns.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new CredentialReportError(
      `credential report is missing required column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}`,
    );
  }
  return Object.fromEntries(requiredColumns.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
}

function accessKey(row: Row, n: 1 | 2): AccessKeyFacts {
  const c =
    n === 1
      ? (["access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date"] as const)
      : (["access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date"] as const);
  return {
    number: n,
    active: row.bool(c[0]) === true,
    lastRotated: row.time(c[1]),
    lastUsed: row.time(c[2]),
  };
}

function toUser(row: Row): ReportUser {
  const user = row.text("user");
  if (user === "") throw new CredentialReportError(`credential report line ${row.line}, column user: empty`);
  const isRoot = user === ROOT_USER;
  const lastUsedText = row.text("password_last_used");
  return {
    user,
    arn: row.text("arn"),
    isRoot,
    line: row.line,
    createdAt: row.time("user_creation_time"),
    passwordEnabled: row.bool("password_enabled", true),
    passwordLastUsed:
      lastUsedText === "no_information" ? "no_information" : (row.time("password_last_used") ?? "never"),
    passwordLastChanged: row.time("password_last_changed"),
    mfaActive: row.bool("mfa_active") === true,
    accessKeys: [accessKey(row, 1), accessKey(row, 2)],
  };
}

interface Parsed {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

function parseRecords(text: string): Parsed[] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, info: true }) as unknown as Parsed[];
  } catch (e) {
    const err = e as { message?: string };
    throw new CredentialReportError(`credential report is not valid CSV: ${err.message ?? String(e)}`);
  }
}

/** Parses a credential report; throws CredentialReportError naming what is wrong. */
export function parseCredentialReport(content: string | Uint8Array): CredentialReport {
  const text = typeof content === "string" ? content : Buffer.from(content).toString("utf8");
  const records = parseRecords(text);
  if (records.length === 0) throw new CredentialReportError("credential report is empty (no header line)");
  const index = columnIndex(records[0].record);
  const users = records.slice(1).map((r) => toUser(new Row(r.record, index, r.info.lines)));
  const seen = new Set<string>();
  for (const u of users) {
    if (seen.has(u.user)) {
      throw new CredentialReportError(`credential report line ${u.line}: user "${u.user}" appears twice`);
    }
    seen.add(u.user);
  }
  const root = users.find((u) => u.isRoot);
  const arn = (root ?? users[0])?.arn ?? "";
  return { accountId: accountInArn.exec(arn)?.[1] ?? null, users };
}
