import * as pulumi from "@pulumi/pulumi";
import type { AdminAccessArgs } from "../adminAccess";
import { integerFrom, isEventual, Issues, join, objectOf, show, validated } from "./checks";
import { groupName, passwordPolicyLimits, userName } from "./aws";
import { pgpKeyProblem } from "./pgpKey";

export interface ResolvedAdminUser {
  readonly userName: string;
  readonly pgpKey?: pulumi.Input<string>;
}

export interface ResolvedAdminAccessArgs {
  readonly groupName: string;
  readonly users: readonly ResolvedAdminUser[];
  readonly passwordLength: number;
}

export const adminAccessDefaults = { groupName: "Administrators", passwordLength: 20 } as const;

const argKeys = ["groupName", "users", "passwordLength"];
const userKeys = ["userName", "pgpKey"];
const userShape = "{ userName, pgpKey? }";

function checkPgpKey(issues: Issues, path: string, value: unknown): pulumi.Input<string> | undefined {
  if (value === undefined || isEventual(value)) return value as pulumi.Input<string> | undefined;
  const problem = typeof value === "string" ? pgpKeyProblem(value.trim()) : pgpKeyProblem("");
  if (problem === undefined) return (value as string).trim();
  return issues.mustBe(path, problem, value);
}

function checkUsers(issues: Issues, path: string, value: unknown): ResolvedAdminUser[] {
  if (!Array.isArray(value) || value.length === 0) {
    issues.mustBe(path, `a non-empty list of ${userShape}`, value);
    return [];
  }
  const users: ResolvedAdminUser[] = [];
  const seen = new Map<string, string>();
  value.forEach((entry, i) => {
    const at = join(path, i);
    const given = objectOf(issues, at, entry, userKeys, userShape);
    if (given === undefined) return;
    const name = userName(issues, join(at, "userName"), given.userName);
    const pgpKey = checkPgpKey(issues, join(at, "pgpKey"), given.pgpKey);
    if (name === undefined) return;
    const first = seen.get(name.toLowerCase());
    if (first !== undefined) {
      issues.add(
        `${join(at, "userName")} ${show(name)} duplicates ${first}: IAM user names are unique ignoring case`,
      );
      return;
    }
    seen.set(name.toLowerCase(), join(at, "userName"));
    users.push({ userName: name, ...(pgpKey === undefined ? {} : { pgpKey }) });
  });
  return users;
}

/** Checks `value` as AdminAccessArgs, recording problems under `path`; applies defaults. */
export function checkAdminAccessArgs(
  issues: Issues,
  value: unknown,
  path = "adminAccess",
): ResolvedAdminAccessArgs | undefined {
  const before = issues.count;
  const given = objectOf(
    issues,
    path,
    value,
    argKeys,
    `an object { groupName?, users: [${userShape}, ...] }`,
  );
  if (given === undefined) return undefined;
  const group =
    given.groupName === undefined
      ? adminAccessDefaults.groupName
      : groupName(issues, join(path, "groupName"), given.groupName);
  const { min, max } = passwordPolicyLimits.minimumLength;
  const passwordLength =
    given.passwordLength === undefined
      ? adminAccessDefaults.passwordLength
      : integerFrom(issues, join(path, "passwordLength"), given.passwordLength, min, max);
  const users = checkUsers(issues, join(path, "users"), given.users);
  if (issues.count > before) return undefined;
  return { groupName: group as string, users, passwordLength: passwordLength as number };
}

export function resolveAdminAccessArgs(args: AdminAccessArgs): ResolvedAdminAccessArgs {
  return validated(checkAdminAccessArgs, args);
}
