/**
 * The program's stack config: read, validated in full, turned into AccountBaseline args. The
 * keys (namespace `aws-account-baseline`) are AccountBaseline's args, so a config error names
 * the same field a library user would see: `passwordPolicy.minimumLength must be ...`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AccountBaselineArgs } from "./accountBaseline";
import type { AccountBaseline } from "./accountBaseline";
import { checkAccountBaselineArgs, accountBaselineKeys } from "./validation/accountBaseline";
import { Issues } from "./validation/checks";

export const projectName = "aws-account-baseline";

/** Reads every `aws-account-baseline:*` key; throws a ValidationError naming every problem. */
export function readProgramConfig(config = new pulumi.Config(projectName)): AccountBaselineArgs {
  const prefix = `${projectName}:`;
  const given: Record<string, unknown> = {};
  const issues = new Issues();
  for (const fullKey of Object.keys(pulumi.runtime.allConfig())) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    if (!accountBaselineKeys.includes(key)) {
      issues.add(
        `${fullKey} is not a known setting; allowed keys: ${accountBaselineKeys.map((k) => prefix + k).join(", ")}`,
      );
      continue;
    }
    given[key] = parseValue(config.get(key) as string);
  }
  checkAccountBaselineArgs(issues, given);
  issues.throwIfAny();
  return given as unknown as AccountBaselineArgs;
}

/** The CLI hands objects, lists and booleans over as JSON text, and plain strings as they are. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** The stack outputs: only what the baseline manages (an absent part leaves no empty output). */
export function stackOutputs(baseline: AccountBaseline): Record<string, pulumi.Output<unknown>> {
  const admins = baseline.adminAccess;
  if (admins === undefined) return {};
  return {
    adminGroupName: admins.groupName,
    adminGroupArn: admins.groupArn,
    adminUserNames: admins.userNames,
    initialPasswords: admins.initialPasswords,
  };
}
