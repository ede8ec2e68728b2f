/** Text safe in a table cell: pipes escaped, no line breaks, and `<root_account>` not read as an HTML tag. */
export const cell = (s: string): string =>
  s
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, " ");

/** Inline code; a backtick in the text becomes a quote so it cannot close the span. */
export const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
