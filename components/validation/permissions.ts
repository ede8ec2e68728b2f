/** SupportRole's and AccessAnalyzer's args, checked before anything is registered. */
import type { AccessAnalyzerArgs } from "../accessAnalyzer";
import type { SupportRoleArgs } from "../supportRole";
import { booleanValue, isEventual, Issues, join, matching, objectOf, validated } from "./checks";

export const supportRoleDefaults = { roleName: "AWSSupport" } as const;
export const accessAnalyzerDefaults = { analyzerName: "account-baseline-external-access" } as const;

const roleNamePattern = /^[\w+=,.@-]{1,64}$/;
const analyzerNamePattern = /^[A-Za-z][A-Za-z0-9_.-]{0,254}$/;
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function checkSupportRoleArgs(
  issues: Issues,
  value: unknown,
  path = "",
): { roleName: string } | undefined {
  const given = objectOf(
    issues,
    path,
    value,
    ["roleName", "accountId", "assumableByGroup"],
    "an object { roleName?, accountId?, assumableByGroup? }, or false",
  );
  if (given === undefined) return undefined;
  const roleName = given.roleName ?? supportRoleDefaults.roleName;
  if (
    matching(
      issues,
      join(path, "roleName"),
      roleName,
      roleNamePattern,
      "an IAM role name ([\\w+=,.@-]{1,64})",
    ) === undefined
  )
    return undefined;
  if (
    given.accountId !== undefined &&
    !isEventual(given.accountId) &&
    !/^\d{12}$/.test(String(given.accountId))
  ) {
    return issues.mustBe(join(path, "accountId"), "12 digits", given.accountId);
  }
  return { roleName: roleName as string };
}

export function checkAccessAnalyzerArgs(
  issues: Issues,
  value: unknown,
  path = "",
): { regions: string[]; type: "ACCOUNT" | "ORGANIZATION"; analyzerName: string } | undefined {
  const given = objectOf(
    issues,
    path,
    value,
    ["regions", "organization", "analyzerName"],
    "an object { regions?, organization?, analyzerName? }, or false",
  );
  if (given === undefined) return undefined;
  const before = issues.count;
  const regions = given.regions ?? [];
  if (!Array.isArray(regions))
    issues.mustBe(join(path, "regions"), "a list of AWS region names such as us-east-1", regions);
  const list = Array.isArray(regions) ? (regions as unknown[]) : [];
  list.forEach((r, i) =>
    matching(
      issues,
      join(join(path, "regions"), i),
      r,
      regionPattern,
      "an AWS region name such as us-east-1",
    ),
  );
  const seen = new Set<string>();
  for (const r of list) {
    if (seen.has(String(r))) issues.add(`${join(path, "regions")} lists ${String(r)} twice`);
    seen.add(String(r));
  }
  const organization =
    given.organization === undefined
      ? false
      : booleanValue(issues, join(path, "organization"), given.organization);
  const analyzerName = given.analyzerName ?? accessAnalyzerDefaults.analyzerName;
  matching(
    issues,
    join(path, "analyzerName"),
    analyzerName,
    analyzerNamePattern,
    "a name of letters, digits, _ . - starting with a letter (1..255)",
  );
  if (issues.count > before) return undefined;
  return {
    regions: list as string[],
    type: organization ? "ORGANIZATION" : "ACCOUNT",
    analyzerName: analyzerName as string,
  };
}

export function resolveSupportRoleArgs(args: SupportRoleArgs): { roleName: string } {
  return validated(checkSupportRoleArgs, args);
}

export function resolveAccessAnalyzerArgs(args: AccessAnalyzerArgs) {
  return validated(checkAccessAnalyzerArgs, args);
}
