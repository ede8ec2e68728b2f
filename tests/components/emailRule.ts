/**
 * What the e-mail validation message says is allowed: PutAlternateContact's documented pattern
 * (`[\w+=.#|!&-]+@[\w.-]+\.[\w]+`), ASCII only. Shared by the tests that assert exact messages.
 */
export const EMAIL_RULE =
  "an e-mail address like name@example.com of at most 254 characters: ASCII letters, digits and _ + = . # | ! & - before the @; ASCII letters, digits and _ . - after it, ending in a dot and letters, digits or _";
