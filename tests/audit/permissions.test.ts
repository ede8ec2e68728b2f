/**
 * `npm run audit` as a process against fakeAws: the weak account's permission findings, each
 * subject named by its policy, exit 1; a service the endpoint does not implement is not
 * evaluated, never a crash; the good account passes.
 */
import * as assert from "assert";
import { permissionPolicyNames } from "../../policy-pack/controls";
import { useFakeAws } from "../support/useFakeAws";
import { goodAccount, weakAccount, weakSubjects } from "../support/permissionScenarios";
import { runAudit } from "./cliRunner";

const KEY = "AKIAIOSFODNN7EXAMPLE";
type Json = { findings: { policy: string; status: string; subject: string; message: string }[] };
const permissions = new Set<string>(permissionPolicyNames);

describe("npm run audit: the permissions review (real SDK against fakeAws)", function () {
  this.timeout(120_000);
  const fakeAws = useFakeAws();
  const audit = async () => {
    const r = await runAudit(["--format", "json", "--now", "2026-11-20T12:00:00Z"], {
      AWS_ENDPOINT_URL: fakeAws().url,
    });
    const out = JSON.parse(r.stdout) as Json;
    return { r, findings: out.findings.filter((f) => permissions.has(f.policy)) };
  };

  it("the weak account: every weak subject by its policy, exit 1; ListAnalyzers not implemented: not evaluated", async () => {
    fakeAws().addAccount(KEY, {
      ...weakAccount,
      failAlways: { ListAnalyzers: { code: "UnknownOperationException", status: 404, message: "not here" } },
    });
    const { r, findings } = await audit();
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(r.stderr, "");
    assert.deepStrictEqual(
      findings.filter((f) => f.status === "fail").map((f) => [f.policy, f.subject]),
      weakSubjects.filter(([p]) => p !== "access-analyzer-enabled"),
    );
    const analyzer = findings.filter((f) => f.policy === "access-analyzer-enabled");
    assert.deepStrictEqual(
      analyzer.map((f) => [f.status, f.subject]),
      [["not-evaluated", "us-east-1"]],
    );
    assert.match(analyzer[0].message, /^access-analyzer:ListAnalyzers is not implemented by the endpoint/);
  });

  it("the good account: no permission finding", async () => {
    fakeAws().addAccount(KEY, goodAccount);
    const { r, findings } = await audit();
    assert.deepStrictEqual(findings, []);
    assert.strictEqual(r.stderr, "");
    assert.strictEqual(r.code, 0, r.stdout);
  });
});
