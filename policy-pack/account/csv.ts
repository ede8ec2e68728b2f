/**
 * The IAM credential report CSV (GetCredentialReport's Content, or the console's "Download
 * report"), read by header name with Papa Parse: CRLF or LF, a UTF-8 BOM, extra and reordered
 * columns are accepted; a missing column the checks need is rejected with its name; the special
 * values `N/A`, `no_information` and `not_supported` become typed facts where AWS writes them and
 * are rejected elsewhere. One pass over the records, each turned into a user as it is read, so
 * time and memory grow linearly with the file and nothing recurses.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
import Papa from "papaparse";
import { AccessKeyFacts, ReportUser, ROOT_USER } from "./facts";
import { oneAccount } from "./reportAccounts";
import { CredentialReportError, printable } from "./reportError";

export { CredentialReportError } from "./reportError";

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
  /** The account the rows' ARNs name (root's row decides); null when no ARN names one. */
  readonly accountId: string | null;
  readonly users: readonly ReportUser[];
}

type Special = "N/A" | "no_information" | "not_supported";
const specials: readonly Special[] = ["N/A", "no_information", "not_supported"];
const isSpecial = (v: string): v is Special => v === "N/A" || v === "no_information" || v === "not_supported";
type TimeColumn =
  | "user_creation_time"
  | "password_last_used"
  | "password_last_changed"
  | "access_key_1_last_rotated"
  | "access_key_1_last_used_date"
  | "access_key_2_last_rotated"
  | "access_key_2_last_used_date";

/**
 * What an IAM user's time columns may hold instead of a time, as AWS documents them: `N/A` for a
 * credential the user does not have (or a key never used), `no_information` for a password never
 * used. `not_supported` is written only in `<root_account>`'s row, which may hold any of the three.
 */
const userSpecials: Readonly<Record<TimeColumn, readonly Special[]>> = {
  user_creation_time: [],
  password_last_used: ["N/A", "no_information"],
  password_last_changed: ["N/A"],
  access_key_1_last_rotated: ["N/A"],
  access_key_1_last_used_date: ["N/A"],
  access_key_2_last_rotated: ["N/A"],
  access_key_2_last_used_date: ["N/A"],
};

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

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
      `credential report line ${this.line}, column ${column}: expected ${expected}, got "${printable(this.text(column))}"`,
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

  /** An ISO 8601 time, or one of the special values `allowed` lists for this column. */
  time(column: TimeColumn, allowed: readonly Special[]): Date | Special {
    const v = this.text(column);
    const special = isSpecial(v) ? v : undefined;
    if (special && allowed.includes(special)) return special;
    const words = ["an ISO 8601 time", ...allowed];
    const expected =
      words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
    if (special === "not_supported")
      throw this.bad(column, `${expected} (not_supported is for ${ROOT_USER} only)`);
    if (!isoTime.test(v)) throw this.bad(column, expected);
    if (!isCalendarDay(v)) {
      throw this.bad(column, `an ISO 8601 time on a day that exists (${v.slice(0, 10)} does not)`);
    }
    const t = new Date(v);
    if (Number.isNaN(t.getTime())) throw this.bad(column, expected);
    return t;
  }

  /** A time, or null for a special value `allowed` lists. */
  timeOrNull(column: TimeColumn, allowed: readonly Special[]): Date | null {
    const t = this.time(column, allowed);
    return t instanceof Date ? t : null;
  }
}

/**
 * Whether the YYYY-MM-DD the text starts with is a day of the calendar: `new Date` rolls
 * 2026-02-30 over to March 2 instead of rejecting it. The date is judged as written, not as
 * the instant it names (an offset may move that instant to another day), by the Gregorian
 * calendar's month lengths. Exported for the audit's --now.
 */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : monthDays[month - 1]);
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function columnIndex(header: string[]): Record<Column, number> {
  const names = header.map((h) => h.trim());
  const missing = requiredColumns.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new CredentialReportError(
      `credential report is missing required column${missing.length > 1 ? "s" : ""}: ${missing.map(printable).join(", ")}`,
    );
  }
  return Object.fromEntries(requiredColumns.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
}

function accessKey(row: Row, n: 1 | 2, allowed: (c: TimeColumn) => readonly Special[]): AccessKeyFacts {
  const c =
    n === 1
      ? (["access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date"] as const)
      : (["access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date"] as const);
  return {
    number: n,
    active: row.bool(c[0]),
    lastRotated: row.timeOrNull(c[1], allowed(c[1])),
    lastUsed: row.timeOrNull(c[2], allowed(c[2])),
  };
}

function toUser(row: Row): ReportUser {
  const user = row.text("user");
  if (user === "") throw new CredentialReportError(`credential report line ${row.line}, column user: empty`);
  if (/[^\x20-\x7e]/.test(user)) {
    // IAM user names are [\w+=,.@-]; control characters would reach the terminal through the findings
    throw new CredentialReportError(
      `credential report line ${row.line}, column user: "${printable(user)}" holds characters no IAM user name can (IAM allows letters, digits and +=,.@_-)`,
    );
  }
  const isRoot = user === ROOT_USER;
  const passwordEnabled = row.passwordEnabled(isRoot);
  const allowed = (c: TimeColumn): readonly Special[] =>
    isRoot
      ? specials
      : // moto writes not_supported in password_last_used of a user without a password: the same as N/A
        c === "password_last_used" && passwordEnabled === false
        ? [...userSpecials[c], "not_supported"]
        : userSpecials[c];
  const lastUsed = row.time("password_last_used", allowed("password_last_used"));
  return {
    user,
    arn: row.text("arn"),
    isRoot,
    line: row.line,
    createdAt: row.timeOrNull("user_creation_time", allowed("user_creation_time")),
    passwordEnabled,
    passwordLastUsed: lastUsed === "not_supported" ? "N/A" : lastUsed,
    passwordLastChanged: row.timeOrNull("password_last_changed", allowed("password_last_changed")),
    mfaActive: row.bool("mfa_active"),
    accessKeys: [accessKey(row, 1, allowed), accessKey(row, 2, allowed)],
  };
}

/** One record of the file: the header, then each row turned into a user (or rejected) as it is read. */
class Reader {
  header?: { readonly index: Record<Column, number>; readonly width: number };
  readonly users: ReportUser[] = [];
  private readonly seen = new Set<string>();

  record(cells: string[], line: number): void {
    if (!this.header) {
      this.header = { index: columnIndex(cells), width: cells.length };
      return;
    }
    const { index, width } = this.header;
    if (cells[index.user]?.trim() === "user" && cells[index.arn]?.trim() === "arn") {
      throw new CredentialReportError(
        `credential report line ${line} is a second header line: two reports were joined into one file; audit each report on its own`,
      );
    }
    if (cells.length !== width) {
      throw new CredentialReportError(
        `credential report line ${line} has ${cells.length} fields; the header has ${width}`,
      );
    }
    const u = toUser(new Row(cells, index, line));
    if (this.seen.has(u.user)) {
      throw new CredentialReportError(
        `credential report line ${line}: user "${printable(u.user)}" appears twice`,
      );
    }
    this.seen.add(u.user);
    this.users.push(u);
  }
}

/** The 1-based line each record starts on, counted as the parser moves (each character looked at once). */
class LineCounter {
  private line = 1;
  private pos = 0;

  constructor(private readonly text: string) {}

  /** The line of the record that ends at `cursor`; skipped empty lines before it are counted. */
  startOf(cursor: number): number {
    const { text } = this;
    while (this.pos < cursor && (text[this.pos] === "\n" || text[this.pos] === "\r")) {
      if (text[this.pos] === "\n") this.line++;
      this.pos++;
    }
    const start = this.line;
    for (let i = text.indexOf("\n", this.pos); i !== -1 && i < cursor; i = text.indexOf("\n", i + 1)) {
      this.line++;
    }
    this.pos = cursor;
    return start;
  }
}

function read(content: string): Reader {
  const text = content.replace(/^\ufeff/, "");
  const reader = new Reader();
  const lines = new LineCounter(text);
  Papa.parse<string[]>(text, {
    delimiter: ",",
    quoteChar: '"',
    skipEmptyLines: true,
    step: (result) => {
      const line = lines.startOf(result.meta.cursor);
      const error = result.errors[0];
      if (error) {
        throw new CredentialReportError(
          `credential report line ${line} is not valid CSV: ${printable(error.message)}`,
        );
      }
      reader.record(result.data, line);
    },
  });
  return reader;
}

/**
 * Parses a credential report; throws CredentialReportError naming what is wrong. A report
 * without the `<root_account>` row (filtered, or from an emulator) is returned as it is: the
 * root checks say that row is missing. Rows of more than one account are rejected.
 */
export function parseCredentialReport(content: string | Uint8Array): CredentialReport {
  const text = typeof content === "string" ? content : Buffer.from(content).toString("utf8");
  const reader = read(text);
  if (!reader.header) throw new CredentialReportError("credential report is empty (no header line)");
  return { accountId: oneAccount(reader.users), users: reader.users };
}
