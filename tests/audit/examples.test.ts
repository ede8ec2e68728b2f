import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { accountPolicyNames } from "../../policy-pack/controls";
import { auditConfigFrom } from "../../policy-pack/audit/config";

const examples = path.resolve(__dirname, "../../examples");
const read = (f: string) => fs.readFileSync(path.join(examples, f), "utf8");

interface Workflow {
  readonly on: { schedule: { cron: string }[] };
  readonly permissions: Record<string, string>;
  readonly jobs: {
    audit: {
      "timeout-minutes"?: number;
      steps: { uses?: string; run?: string; with?: Record<string, string> }[];
    };
  };
}

/** An example GitHub workflow, parsed. */
const readWorkflow = (file: string): Workflow => parse(read(file)) as Workflow;

describe("examples/", () => {
  it("audit-readonly-policy.json grants exactly the read-only calls the audit makes", () => {
    const doc = JSON.parse(read("audit-readonly-policy.json")) as {
      Statement: { Sid: string; Effect: string; Action: string | string[]; Resource: string }[];
    };
    const actionsOf = (sids: (sid: string) => boolean) =>
      doc.Statement.filter((s) => sids(s.Sid)).flatMap((s) => {
        assert.strictEqual(s.Effect, "Allow");
        return Array.isArray(s.Action) ? s.Action : [s.Action];
      });
    const lastAccessedSid = "ReadServiceLastAccessedData";
    const actions = actionsOf((sid) => sid !== lastAccessedSid).sort();
    assert.deepStrictEqual(actions, [
      "access-analyzer:ListAnalyzers",
      "account:GetAlternateContact",
      "iam:GenerateCredentialReport",
      "iam:GetAccountAuthorizationDetails",
      "iam:GetAccountPasswordPolicy",
      "iam:GetAccountSummary",
      "iam:GetCredentialReport",
      "iam:ListOrganizationsFeatures",
      "iam:ListServerCertificates",
      "iam:ListVirtualMFADevices",
    ]);
    // sts:GetCallerIdentity needs no permission; readApi.ts and the permissions read call nothing else.
    const quoted = (...files: string[]) => {
      const source = files
        .map((f) => fs.readFileSync(path.resolve(__dirname, "../../policy-pack/account", f), "utf8"))
        .join("\n");
      return [...source.matchAll(/["`]((?:iam|account|sts|access-analyzer):\w+)/g)].map((m) => m[1]);
    };
    const used = quoted("readApi.ts", "permissions/readSnapshot.ts");
    assert.deepStrictEqual([...new Set(used.filter((a) => a !== "sts:GetCallerIdentity"))].sort(), actions);
    // --last-accessed: only the two job calls (its principals come from the snapshot above).
    assert.deepStrictEqual(
      actionsOf((sid) => sid === lastAccessedSid).sort(),
      quoted("lastAccessed/job.ts").sort(),
    );
    const everything = quoted("readApi.ts", "permissions/readSnapshot.ts", "lastAccessed/job.ts");
    assert.deepStrictEqual(
      actionsOf(() => true).sort(),
      [...new Set(everything.filter((a) => a !== "sts:GetCallerIdentity"))].sort(),
      "the policy grants nothing the audit does not call",
    );
  });

  it("the organization audit's caller policy: ListAccounts, AssumeRole on the audit role, and the read-only calls for its own account", () => {
    type Doc = { Statement: { Effect: string; Action: string | string[]; Resource: string }[] };
    const actionsOf = (d: Doc) =>
      d.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    const caller = JSON.parse(read("audit-organization-caller-policy.json")) as Doc;
    const member = JSON.parse(read("audit-readonly-policy.json")) as Doc;
    assert.deepStrictEqual(
      actionsOf(caller).sort(),
      [...actionsOf(member), "organizations:ListAccounts", "sts:AssumeRole"].sort(),
    );
    const assume = caller.Statement.find((s) => s.Action === "sts:AssumeRole");
    assert.strictEqual(assume?.Resource, "arn:aws:iam::*:role/AccountBaselineAudit");
    const trust = JSON.parse(read("audit-member-role-trust-policy.json")) as {
      Statement: { Action: string; Condition: { StringEquals: Record<string, string> } }[];
    };
    assert.strictEqual(trust.Statement[0].Action, "sts:AssumeRole");
    // The session name the audit uses, so the trust policy can require it.
    const run = fs.readFileSync(
      path.resolve(__dirname, "../../policy-pack/audit/organization/run.ts"),
      "utf8",
    );
    const session = trust.Statement[0].Condition.StringEquals["sts:RoleSessionName"];
    assert.ok(run.includes(`auditSessionName = "${session}"`));
  });

  it("github-workflow-audit-organization.yml audits the organization with the example role and uploads SARIF", () => {
    const wf = readWorkflow("github-workflow-audit-organization.yml");
    assert.ok(wf.on.schedule[0].cron);
    assert.strictEqual(wf.permissions["security-events"], "write");
    const steps = wf.jobs.audit.steps;
    const run = steps.find((s) => s.run?.includes("--organization"))?.run ?? "";
    assert.match(
      run,
      /--role-name AccountBaselineAudit --concurrency 20 --format sarif > organization-audit\.sarif/,
    );
    const caller = read("audit-organization-caller-policy.json");
    assert.ok(
      caller.includes("role/AccountBaselineAudit"),
      "the caller may assume the role the workflow names",
    );
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    assert.strictEqual(upload?.with?.sarif_file, "organization-audit.sarif");
  });

  it("github-workflow-audit.yml runs on a schedule and uploads SARIF to code scanning", () => {
    const wf = readWorkflow("github-workflow-audit.yml");
    assert.ok(wf.on.schedule[0].cron);
    assert.strictEqual(wf.permissions["security-events"], "write");
    const steps = wf.jobs.audit.steps;
    assert.ok(
      steps.some((s) => s.run?.includes("npm run --silent audit -- --format sarif > account-audit.sarif")),
    );
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    assert.strictEqual(upload?.with?.sarif_file, "account-audit.sarif");
  });

  for (const file of ["github-workflow-audit.yml", "github-workflow-audit-organization.yml"]) {
    it(`${file} bounds its job with timeout-minutes (GitHub's default is 6 hours)`, () => {
      const minutes = readWorkflow(file).jobs.audit["timeout-minutes"];
      assert.ok(typeof minutes === "number" && minutes > 0 && minutes <= 120, String(minutes));
    });
  }

  it("policy-pack-config.credential-report.json points every account policy at the example report", () => {
    const cfg = JSON.parse(read("policy-pack-config.credential-report.json")) as Record<
      string,
      { credentialReportFile: string }
    >;
    assert.deepStrictEqual(Object.keys(cfg), [...accountPolicyNames]);
    for (const entry of Object.values(cfg)) {
      assert.ok(fs.existsSync(path.resolve(examples, "../policy-pack", entry.credentialReportFile)));
    }
    assert.doesNotThrow(() => auditConfigFrom(cfg, "policy-pack-config.credential-report.json"));
  });

  it("the workflows run the audit with npm run --silent, so npm's banner cannot reach the SARIF or the summary", () => {
    for (const file of ["github-workflow-audit.yml", "github-workflow-audit-organization.yml"]) {
      const runs = readWorkflow(file).jobs.audit.steps.flatMap((s) => (s.run ?? "").split("\n"));
      const audits = runs.filter((l) => /npm run\b.*\baudit\b/.test(l));
      assert.ok(audits.length > 0, file);
      for (const line of audits) assert.match(line, /npm run (--silent|-s) audit /, `${file}: ${line}`);
    }
  });
});
