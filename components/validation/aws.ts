/**
 * The input limits AWS enforces on the values this module sends, checked before anything is
 * registered so a mistake fails the preview instead of half-way through `pulumi up`.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/API_PutAlternateContact.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
import { Issues, matching } from "./checks";

/** PutAlternateContact's field lengths. */
export const contactLimits = { name: 64, title: 50, emailAddress: 254, phoneNumber: 25 } as const;

// PutAlternateContact's documented pattern, `[\s]*[\w+=.#|!&-]+@[\w.-]+\.[\w]+[\s]*`, without the
// surrounding blanks (they would be stored) and with \w as ASCII (no u flag): AWS rejects
// o'brien@, a%b@, a~b@, IDN domains and a hyphen after the last dot. At most 254 characters.
const emailPattern = /^(?=.{1,254}$)[\w+=.#|!&-]+@[\w.-]+\.\w+$/;
const phonePattern = /^(?=.{1,25}$)(?=.*[0-9])[\s0-9()+-]+$/;
const userNamePattern = /^[\w+=,.@-]{1,64}$/;
const groupNamePattern = /^[\w+=,.@-]{1,128}$/;
const accountIdPattern = /^[0-9]{12}$/;

export function emailAddress(issues: Issues, path: string, value: unknown): string | undefined {
  return matching(
    issues,
    path,
    value,
    emailPattern,
    "an e-mail address like name@example.com of at most 254 characters: ASCII letters, digits and _ + = . # | ! & - before the @; ASCII letters, digits and _ . - after it, ending in a dot and letters, digits or _",
  );
}

export function phoneNumber(issues: Issues, path: string, value: unknown): string | undefined {
  return matching(
    issues,
    path,
    value,
    phonePattern,
    "a phone number of at most 25 characters: at least one digit, and only digits, spaces and ( ) + -",
  );
}

export function userName(issues: Issues, path: string, value: unknown): string | undefined {
  return matching(
    issues,
    path,
    value,
    userNamePattern,
    "an IAM user name: 1 to 64 of letters, digits and + = , . @ _ -",
  );
}

export function groupName(issues: Issues, path: string, value: unknown): string | undefined {
  return matching(
    issues,
    path,
    value,
    groupNamePattern,
    "an IAM group name: 1 to 128 of letters, digits and + = , . @ _ -",
  );
}

export function accountId(issues: Issues, path: string, value: unknown): string | undefined {
  if (typeof value === "number") {
    // An unquoted id in YAML is a number, and one that starts with 0 has lost a digit already.
    return issues.mustBe(path, "a 12-digit AWS account id as text (quote it in YAML)", value);
  }
  return matching(issues, path, value, accountIdPattern, "a 12-digit AWS account id");
}

/** A list of account ids, each 12 digits, none repeated; `allowEmpty` for a list that may be []. */
export function accountIdList(
  issues: Issues,
  path: string,
  value: unknown,
  allowEmpty = false,
): string[] | undefined {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
    const what = allowEmpty
      ? "a list of 12-digit AWS account ids"
      : "a non-empty list of 12-digit AWS account ids";
    return issues.mustBe(path, what, value);
  }
  const before = issues.count;
  const first = new Map<string, number>();
  value.forEach((entry, i) => {
    const id = accountId(issues, `${path}[${i}]`, entry);
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else issues.add(`${path}[${i}] "${id}" duplicates ${path}[${seen}]`);
  });
  return issues.count > before ? undefined : (value as string[]);
}
