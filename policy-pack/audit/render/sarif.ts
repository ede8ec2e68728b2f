/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one rule per policy that ran (from controls.ts,
 * with helpUri and security-severity), one result per failing finding with a location (the
 * report file's line when auditing a file, else a logical location for the account) and a
 * partialFingerprints entry that stays the same across runs, so alerts track the same subject.
 * Checks that could not be evaluated are tool execution notifications, not results.
 * @see https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
import { createHash } from "crypto";
import type { Notification, ReportingDescriptor, Result, Run } from "sarif";
import { controlIds, controls, PolicyName, Severity } from "../../controls";
import { isAvailable, ReportUser } from "../../account/facts";
import { Finding } from "../../account/finding";
import { guidanceFor } from "../../account/guidance";
import { streamedObject } from "./jsonText";
import { absentResults, baselineStates } from "./changes/sarif";
import { Renderer, RenderInput } from "./types";

const securitySeverity: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};
export const level = (s: Severity): Result.level => (s === "critical" || s === "high" ? "error" : "warning");

export function rule(policy: PolicyName): ReportingDescriptor {
  const c = controls[policy];
  const g = guidanceFor(policy);
  return {
    id: policy,
    name: policy.replace(/-(\w)/g, (_, ch: string) => ch.toUpperCase()),
    shortDescription: { text: c.title },
    fullDescription: { text: `${c.title} (${controlIds(policy).join(", ") || "no external id"}).` },
    ...(g ? { helpUri: g.url, help: { text: g.remediationSteps } } : {}),
    defaultConfiguration: { level: level(c.severity) },
    properties: {
      tags: ["security", ...controlIds(policy)],
      "security-severity": securitySeverity[c.severity],
    },
  };
}

/**
 * The locations of findings in one account's facts: the report file's line when auditing a file,
 * else a logical location for the account. The users are indexed once (a lookup per finding
 * would make the report quadratic in its users); a name that appears twice is located at its
 * first row.
 */
export function locator(input: Omit<RenderInput, "policies">): (f: Finding) => Result["locations"] {
  const { facts } = input;
  const account = facts.accountId ?? "unknown";
  const rows = new Map<string, ReportUser>();
  if (isAvailable(facts.users)) for (const u of facts.users.value) if (!rows.has(u.user)) rows.set(u.user, u);
  const uri = facts.sourceFile ? facts.sourceFile.replace(/\\/g, "/") : `aws-account-${account}`;
  return (f) => {
    const row = rows.get(f.subject);
    return [
      {
        physicalLocation: {
          artifactLocation: { uri },
          ...(facts.sourceFile ? { region: { startLine: row?.line ?? 1 } } : {}),
        },
        logicalLocations: [
          {
            name: f.subject,
            fullyQualifiedName: row?.arn ?? `aws:account:${account}/${f.subject}`,
            kind: row ? (row.isRoot ? "root-user" : "iam-user") : "account",
          },
        ],
      },
    ];
  };
}

export function fingerprint(f: Finding, account: string | null): string {
  return createHash("sha256")
    .update(`${account ?? ""}\0${f.policy}\0${f.subject}`)
    .digest("hex");
}

export const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";
export const toolName = "aws-account-baseline-audit";

/** A finding the source could not evaluate, as a tool execution notification. */
export function notEvaluatedNotification(f: Finding, account?: string): Notification {
  const where = account ? ` in account ${account}` : "";
  return {
    level: "note",
    message: { text: `${f.policy} not evaluated for ${f.subject}${where}: ${f.message}` },
    descriptor: { id: f.policy },
  };
}

/**
 * A failing finding as a SARIF result; `extra` for the organization's account properties and,
 * with --compare, the result's baselineState.
 */
export function sarifResult(
  f: Finding,
  ruleIndex: ReadonlyMap<string, number>,
  locate: (f: Finding) => Result["locations"],
  account: string | null,
  extra: Pick<Result, "message" | "properties" | "baselineState"> = { message: { text: f.message } },
): Result {
  const index = ruleIndex.get(f.policy);
  return {
    ruleId: f.policy,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: level(f.severity),
    message: extra.message,
    locations: locate(f),
    partialFingerprints: { "awsAccountBaselineFinding/v1": fingerprint(f, account) },
    ...(extra.baselineState ? { baselineState: extra.baselineState } : {}),
    ...(extra.properties ? { properties: extra.properties } : {}),
  };
}

/** `tool`: this audit, with one rule per policy that ran (failing or not), and the rules' indexes. */
export function sarifTool(policies: readonly PolicyName[]): {
  tool: Run["tool"];
  ruleIndex: Map<string, number>;
} {
  return {
    tool: { driver: { name: toolName, rules: policies.map(rule) } },
    ruleIndex: new Map(policies.map((p, i) => [p, i])),
  };
}

/** The opening of a SARIF log up to its one run's object, and its closing. */
export const sarifOpening = `{\n  "$schema": ${JSON.stringify(sarifSchema)},\n  "version": "2.1.0",\n  "runs": [\n    `;
export const sarifClosing = `\n  ]\n}\n`;

/**
 * SARIF 2.1.0 for one account, streamed result by result: exactly what `JSON.stringify(log, null,
 * 2)` prints for `{ $schema, version, runs: [{ tool, results, invocations }] }`.
 */
export const renderSarif: Renderer = function* (input) {
  const { result, policies } = input;
  const { tool, ruleIndex } = sarifTool(policies);
  const locate = locator(input);
  const notifications: Notification[] = [];
  const state = baselineStates(input.changes, input.changes !== undefined);
  const results = function* () {
    for (const f of result.findings) {
      if (f.status === "fail")
        yield sarifResult(f, ruleIndex, locate, result.account, {
          message: { text: f.message },
          ...state(f),
        });
      else notifications.push(notEvaluatedNotification(f));
    }
    for (const { finding, extra } of absentResults(input.changes))
      yield sarifResult(finding, ruleIndex, locate, result.account, {
        message: { text: finding.message },
        ...extra,
      });
  };
  const invocations = () => ({
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
  });
  yield sarifOpening;
  yield* streamedObject({ tool }, "results", results(), invocations, 4);
  yield sarifClosing;
};
