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
  /** From the root row's ARN; null when that ARN names no account. */
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

  private flag(column: Column): boolean | string {
    const v = this.text(column).toLowerCase();
    return v === "true" ? true : v === "false" ? false : v;
  }

  bool(column: Column): boolean {
    const v = this.flag(column);
    if (typeof v === "boolean") return v;
    throw this.bad(column, "true or false");
  }

  /** password_enabled: true or false; for the root row (it has no IAM password) not_supported. */
  passwordEnabled(isRoot: boolean): boolean | "not_supported" {
    const v = this.flag("password_enabled");
    if (typeof v === "boolean") return v;
    if (isRoot && v === "not_supported") return "not_supported";
    throw this.bad(
      "password_enabled",
      isRoot ? "true, false or not_supported" : `true or false (not_supported is for ${ROOT_USER} only)`,
    );
  }

  /** An ISO 8601 time, or null for one of the special values (meaning depends on the column). */
  time(column: Column): Date | null {
    const v = this.text(column);
    if (specials.has(v)) return null;
    const expected = "an ISO 8601 time, N/A, no_information or not_supported";
    if (!isoTime.test(v)) throw this.bad(column, expected);
    if (!isCalendarDay(v)) {
      throw this.bad(column, `an ISO 8601 time on a day that exists (${v.slice(0, 10)} does not)`);
    }
    const t = new Date(v);
    if (Number.isNaN(t.getTime())) throw this.bad(column, expected);
    return t;
  }
}

/**
 * Whether the YYYY-MM-DD the text starts with is a day of the calendar: `new Date` rolls
 * 2026-02-30 over to March 2 instead of rejecting it. The date is compared as written, not as
 * the instant it names (an offset may move that instant to another day), against a Date built in
 * UTC from the same year, month and day. Exported for the audit's --now.
 */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC reads years 0..99 as 1900..1999
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
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
    active: row.bool(c[0]),
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
    passwordEnabled: row.passwordEnabled(isRoot),
    passwordLastUsed:
      lastUsedText === "no_information" ? "no_information" : (row.time("password_last_used") ?? "never"),
    passwordLastChanged: row.time("password_last_changed"),
    mfaActive: row.bool("mfa_active"),
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
  if (!root) {
    throw new CredentialReportError(
      `credential report has no ${ROOT_USER} row; AWS's credential report always has one: the file is truncated or filtered`,
    );
  }
  return { accountId: accountInArn.exec(root.arn)?.[1] ?? null, users };
}
