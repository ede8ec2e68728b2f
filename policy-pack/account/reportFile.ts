/**
 * What people hand the audit as a credential report, recognised and turned into CSV text: the
 * CSV itself (UTF-8, or UTF-16 with its BOM, as spreadsheet programs save it), the AWS CLI's
 * `aws iam get-credential-report` JSON (Content is base64; GeneratedTime is kept), that Content
 * alone (`--query Content --output text`), and any of these gzipped. Anything else is named for
 * what it is (a directory is handled by the file reader; here: a ZIP or spreadsheet, HTML, other
 * JSON, binary data) in one line that never echoes binary bytes.
 */
import { gunzipSync } from "zlib";
import { isCalendarDay } from "./csv";
import { CredentialReportError, printable } from "./reportError";

export interface DecodedReport {
  readonly csv: string;
  /** GetCredentialReport's GeneratedTime, when the file carried it (the CLI's JSON). */
  readonly generatedAt: Date | null;
}

/** The largest report accepted: IAM's 5,000-user limit is about 1 MiB; this is 500 times that. */
export const maxReportBytes = 512 * 1024 * 1024;

const bad = (name: string, what: string) => new CredentialReportError(`credential report ${name} ${what}`);

const cliHint = "give the CSV (the console's Download report) or the output of aws iam get-credential-report";

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");

/** UTF-16 with a byte order mark, decoded; undefined when there is no such mark. */
function utf16(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 0xff, 0xfe)) return Buffer.from(bytes.subarray(2)).toString("utf16le");
  if (startsWith(bytes, 0xfe, 0xff)) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return swapped.swap16().toString("utf16le");
  }
  return undefined;
}

/** Why these bytes are not text, when they are not (a known format named, else the first bytes). */
function binaryKind(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    return `is a ZIP archive (a spreadsheet saved as .xlsx?), not CSV: save it as CSV, or ${cliHint}`;
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return `is an Excel .xls workbook, not CSV: save it as CSV`;
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46))
    return `is a PDF document, not a credential report: ${cliHint}`;
  const head = bytes.subarray(0, 4096);
  const zeros = (odd: number) => head.filter((b, i) => i % 2 === odd && b === 0).length;
  if (head.length >= 8 && Math.max(zeros(0), zeros(1)) >= head.length / 2 - 1) {
    return "looks like UTF-16 text without a byte order mark: save it as UTF-8 (or UTF-16 with its BOM)";
  }
  if (head.includes(0)) {
    return `is binary data (first bytes ${hex(bytes)}), not a credential report: ${cliHint}`;
  }
  return undefined;
}

function utf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw bad(
      name,
      `is not UTF-8 or UTF-16 text (it holds bytes UTF-8 does not allow: saved in another encoding?): save it as UTF-8, or ${cliHint}`,
    );
  }
}

const base64Text = /^[A-Za-z0-9+/]+={0,2}$/;

/** Base64 decoded strictly (Buffer.from ignores stray characters), or undefined when it is not base64. */
function base64(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, "");
  if (compact.length === 0 || compact.length % 4 !== 0 || !base64Text.test(compact)) return undefined;
  return Buffer.from(compact, "base64");
}

const looksLikeCsvHeader = (text: string) => /^\ufeff?\s*"?user"?\s*,/.test(text);

function generatedTime(value: unknown, name: string): Date | null {
  if (value === undefined || value === null) return null;
  const t = typeof value === "string" && isCalendarDay(value) ? new Date(value) : undefined;
  if (!t || Number.isNaN(t.getTime())) {
    throw bad(name, `has GeneratedTime ${printable(JSON.stringify(value))}; expected an ISO 8601 time`);
  }
  return t;
}

/** The CLI's `{ "Content": base64, "ReportFormat": "text/csv", "GeneratedTime": ... }`. */
function cliJson(text: string, name: string): DecodedReport {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw bad(
      name,
      `starts like JSON but is not valid JSON (${printable((e as Error).message)}): ${cliHint}`,
    );
  }
  const o =
    doc !== null && typeof doc === "object" && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  if (typeof o.Content !== "string") {
    throw bad(
      name,
      `is JSON but not the output of aws iam get-credential-report (no Content string): ${cliHint}`,
    );
  }
  if (o.ReportFormat !== undefined && o.ReportFormat !== "text/csv") {
    throw bad(name, `has ReportFormat ${printable(JSON.stringify(o.ReportFormat))}; only text/csv is known`);
  }
  const bytes = base64(o.Content);
  if (!bytes)
    throw bad(name, "has a Content field that is not base64 (aws iam get-credential-report writes base64)");
  return { csv: contentText(bytes, name), generatedAt: generatedTime(o.GeneratedTime, name) };
}

/** The CSV text a Content field decodes to. */
function contentText(bytes: Buffer, name: string): string {
  const wide = utf16(bytes);
  if (wide !== undefined) return wide;
  if (binaryKind(bytes))
    throw bad(name, `has a Content field that decodes to binary data (first bytes ${hex(bytes)}), not CSV`);
  return utf8(bytes, name);
}

function fromText(text: string, name: string): DecodedReport {
  const start = text.replace(/^\ufeff/, "").trimStart();
  if (start.startsWith("{") || start.startsWith("[")) return cliJson(start, name);
  if (start.startsWith("<")) {
    throw bad(
      name,
      `is HTML or XML (starts with ${printable(start.slice(0, 20))}), not a credential report: ${cliHint}`,
    );
  }
  if (!looksLikeCsvHeader(start)) {
    const bytes = base64(start);
    if (bytes) {
      const decoded = utf16(bytes) ?? (binaryKind(bytes) ? undefined : bytes.toString("utf8"));
      if (decoded !== undefined && looksLikeCsvHeader(decoded)) return { csv: decoded, generatedAt: null };
      throw bad(name, "is base64 text that does not decode to a credential report CSV");
    }
  }
  return { csv: text, generatedAt: null };
}

/** The CSV text in a file's bytes, recognising the shapes above; throws CredentialReportError. */
export function decodeReportFile(bytes: Uint8Array, name: string): DecodedReport {
  let data = bytes;
  if (startsWith(data, 0x1f, 0x8b)) {
    try {
      data = gunzipSync(data, { maxOutputLength: maxReportBytes });
    } catch (e) {
      throw bad(name, `is gzip data that does not decompress (${printable((e as Error).message)})`);
    }
  }
  const wide = utf16(data);
  if (wide !== undefined) return fromText(wide, name);
  const kind = binaryKind(data);
  if (kind) throw bad(name, kind);
  return fromText(utf8(data, name), name);
}
