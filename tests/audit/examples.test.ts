import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
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
      steps: {
        id?: string;
        uses?: string;
        run?: string;
        with?: Record<string, string | number>;
        env?: Record<string, string>;
      }[];
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
      steps.some((s) =>
        s.run?.includes("npm run --silent audit -- --format sarif $COMPARE > account-audit.sarif"),
      ),
    );
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    assert.strictEqual(upload?.with?.sarif_file, "account-audit.sarif");
  });

  const compareWorkflows = [
    {
      file: "github-workflow-audit.yml",
      json: "account-audit.json",
      sarif: "account-audit.sarif",
      flags: "",
    },
    {
      file: "github-workflow-audit-organization.yml",
      json: "organization-audit.json",
      sarif: "organization-audit.sarif",
      flags: "--organization --role-name AccountBaselineAudit --concurrency 20 ",
    },
  ];
  for (const { file, json, sarif, flags } of compareWorkflows)
    describe(`${file} keeps the previous JSON and runs --compare`, () => {
      const wf = readWorkflow(file);
      const steps = wf.jobs.audit.steps;
      const fetch = steps.find((s) => s.id === "previous");
      const audit = steps.find((s) => s.id === "audit");
      const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));

      it("uploads the JSON it audited under the name the next run downloads, pinned, kept longer than the schedule", () => {
        assert.match(upload?.uses ?? "", /^actions\/upload-artifact@v\d+\.\d+\.\d+$/, "a pinned version");
        assert.strictEqual(upload?.with?.path, json);
        assert.ok(Number(upload?.with?.["retention-days"]) > 7, "outlives the weekly schedule");
        const jsonRun = audit?.run?.split("\n").find((l) => l.includes(`> ${json}`)) ?? "";
        assert.match(jsonRun, /audit -- .*\$COMPARE/);
        assert.ok(jsonRun.includes(`--format json`) && jsonRun.includes(flags), jsonRun);
        const sarifRun = audit?.run?.split("\n").find((l) => l.includes(`> ${sarif}`)) ?? "";
        assert.ok(sarifRun.includes("$COMPARE") && sarifRun.includes("--format sarif"), sarifRun);
        const name = upload?.with?.name;
        assert.match(
          fetch?.run ?? "",
          new RegExp(`gh run download "\\$run_id" .*--name ${name} --dir previous`),
        );
        assert.ok((fetch?.run ?? "").includes(`compare=--compare previous/${json}`));
        assert.match(fetch?.run ?? "", /--status success/);
        assert.strictEqual(wf.permissions.actions, "read", "gh needs to list runs and download artifacts");
        assert.ok(
          steps.indexOf(fetch!) < steps.indexOf(audit!) && steps.indexOf(audit!) < steps.indexOf(upload!),
        );
      });

      /** Runs a step's script with stand-ins for gh and npm on PATH; returns what it wrote to GITHUB_OUTPUT. */
      function runStep(script: string, env: Record<string, string>, gh: string, npm: string) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-"));
        try {
          fs.writeFileSync(path.join(dir, "gh"), `#!/bin/sh\n${gh}\n`, { mode: 0o755 });
          fs.writeFileSync(path.join(dir, "npm"), `#!/bin/sh\necho "$*" >> calls\n${npm}\n`, { mode: 0o755 });
          const output = path.join(dir, "output");
          let code = 0;
          try {
            execFileSync("bash", ["-e", "-c", script], {
              cwd: dir,
              env: {
                PATH: `${dir}:/usr/bin:/bin`,
                GITHUB_OUTPUT: output,
                GITHUB_REPOSITORY: "o/r",
                GITHUB_WORKFLOW: "account-audit",
                GITHUB_REF_NAME: "main",
                ...env,
              },
              stdio: "pipe",
            });
          } catch (e) {
            code = (e as { status: number }).status;
          }
          const read = (f: string) =>
            fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), "utf8") : "";
          return { code, output: read("output"), calls: read("calls") };
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }

      it("fetch: compares with the last successful run's artifact; without one (first run, expired), no --compare", () => {
        const found = runStep(
          fetch?.run ?? "",
          {},
          'case "$2" in list) echo 42;; download) exit 0;; esac',
          "",
        );
        assert.strictEqual(found.output, `compare=--compare previous/${json}\n`);
        const none = runStep(fetch?.run ?? "", {}, 'case "$2" in list) echo "";; esac', "");
        assert.deepStrictEqual([none.code, none.output], [0, ""]);
        const expired = runStep(
          fetch?.run ?? "",
          {},
          'case "$2" in list) echo 42;; download) exit 1;; esac',
          "",
        );
        assert.deepStrictEqual([expired.code, expired.output], [0, ""]);
      });

      it("audit: findings (exit 1) go on; a PREVIOUS that cannot be compared (exit 2) is dropped and a new baseline made; exit 2 without it fails", () => {
        const compare = { COMPARE: `--compare previous/${json}` };
        const findings = runStep(audit?.run ?? "", compare, "", "exit 1");
        assert.strictEqual(findings.code, 0);
        assert.ok(findings.output.includes(`compare=--compare previous/${json}\n`), findings.output);
        const sarifCall = findings.calls.split("\n").find((l) => l.includes("--format sarif")) ?? "";
        assert.ok(sarifCall.includes(`--compare previous/${json}`), sarifCall);
        const mismatch = runStep(
          audit?.run ?? "",
          compare,
          "",
          'case "$*" in *--compare*) exit 2;; *) exit 1;; esac',
        );
        assert.strictEqual(mismatch.code, 0);
        assert.match(mismatch.output, /^compare=\n/m);
        assert.deepStrictEqual(
          mismatch.calls
            .trim()
            .split("\n")
            .map((l) =>
              l
                .replace(/^run --silent audit -- /, "")
                .split(" ")
                .sort()
                .join(" "),
            ),
          [
            `${flags}--format json --compare previous/${json}`,
            `${flags}--format json`,
            `${flags}--format sarif`,
          ].map((l) => l.split(" ").sort().join(" ")),
        );
        assert.strictEqual(runStep(audit?.run ?? "", {}, "", "exit 2").code, 2);
      });
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
