/**
 * Text for HTML: the five characters that could open markup or leave an attribute are escaped,
 * and control characters (a hand-edited report can carry escape sequences) become U+FFFD. Every
 * user-controlled value (user names, messages, account names) goes through `esc`.
 */

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const esc = (s: string): string =>
  s.replace(controls, "\ufffd").replace(/[&<>"']/g, (c) => entities[c]);

/** An `id` attribute value from any text (account ids, policy names): letters, digits and `-` only. */
export const anchor = (...parts: string[]): string => parts.join("-").replace(/[^A-Za-z0-9-]/g, "_");
