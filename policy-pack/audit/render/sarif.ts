/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one rule per audited policy (from controls.ts,
 * with helpUri and security-severity), one result per failing finding with a location (the
 * report file's line when auditing a file, else a logical location for the account) and a
 * partialFingerprints entry that stays the same across runs, so alerts track the same subject.
 * Checks that could not be evaluated are tool execution notifications, not results.
 * @see https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
import { createHash } from "crypto";
import type { Log, Notification, ReportingDescriptor, Result } from "sarif";
import { controlIds, controls, PolicyName, Severity } from "../../controls";
import { isAvailable } from "../../account/facts";
import { Finding } from "../../account/finding";
import { guidanceFor } from "../../account/guidance";
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

export function location(f: Finding, input: RenderInput): Result["locations"] {
  const { facts } = input;
  const account = facts.accountId ?? "unknown";
  const row = isAvailable(facts.users) ? facts.users.value.find((u) => u.user === f.subject) : undefined;
  const logical = [
    {
      name: f.subject,
      fullyQualifiedName: row?.arn ?? `aws:account:${account}/${f.subject}`,
      kind: row ? (row.isRoot ? "root-user" : "iam-user") : "account",
    },
  ];
  const uri = facts.sourceFile ? facts.sourceFile.replace(/\\/g, "/") : `aws-account-${account}`;
  return [
    {
      physicalLocation: {
        artifactLocation: { uri },
        ...(facts.sourceFile ? { region: { startLine: row?.line ?? 1 } } : {}),
      },
      logicalLocations: logical,
    },
  ];
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

export function toSarif(input: RenderInput): Log {
  const { result } = input;
  const ruleIds = [...new Set(result.findings.map((f) => f.policy))];
  const failing = result.findings.filter((f) => f.status === "fail");
  return {
    $schema: sarifSchema,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            rules: ruleIds.map(rule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.findings
              .filter((f) => f.status === "not-evaluated")
              .map((f) => notEvaluatedNotification(f)),
          },
        ],
        results: failing.map((f) => ({
          ruleId: f.policy,
          ruleIndex: ruleIds.indexOf(f.policy),
          level: level(f.severity),
          message: { text: f.message },
          locations: location(f, input),
          partialFingerprints: { "awsAccountBaselineFinding/v1": fingerprint(f, result.account) },
        })),
      },
    ],
  };
}

export const renderSarif: Renderer = (input) => `${JSON.stringify(toSarif(input), null, 2)}\n`;
