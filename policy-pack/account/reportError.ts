/** Bad credential report input: the message names the line and column, and is fit for one line on stderr. */
export class CredentialReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialReportError";
  }
}

/** Text safe for one line of a terminal: control and non-ASCII characters escaped, at most 60 shown. */
export function printable(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text;
  return shown.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
