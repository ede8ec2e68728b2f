/**
 * The packages as a user gets them: `npm pack` the three workspaces, install the tarballs (and the
 * peer dependencies, from npm's cache or the registry as npm normally resolves them) into a fresh
 * project under the system's temporary folder, where nothing of this checkout is reachable, and
 * use each one from there: type-check and run a program that uses the components under Pulumi
 * mocks, start the installed pack as the engine starts it and drive it over gRPC, and run
 * `npx aws-account-audit` on the example shipped in the pack's tarball.
 *
 * The install is the slow part (about a minute here, most of it unpacking @pulumi/aws); it runs
 * once, in `before`, with `--prefer-offline --no-audit --no-fund`.
 */
import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { accountPolicyNames, optInPolicyNames, resourcePolicyNames } from "../../policy-pack/controls";
import { safeEnv } from "../../tools/safeEnv";
import { PackClient, PolicyPackConfigFile, runPolicyPackPath, startPack } from "../../tools/packClient";
import { runAudit } from "../audit/cliRunner";

const repo = path.resolve(__dirname, "../..");
const workspaces = ["vocabulary", "components", "policy-pack"];
const NOW = "2026-11-20T12:00:00Z";

interface Manifest {
  readonly name: string;
  readonly version: string;
}
const manifest = (dir: string): Manifest =>
  JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
const installedVersion = (pkg: string) =>
  manifest(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [repo] }))).version;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The child's environment: AWS-safe, and without what `npm test` put in ours (npm_config_*,
 * npm_package_*, INIT_CWD), so the consumer's npm and npx behave as in a user's shell.
 */
function userEnv(): NodeJS.ProcessEnv {
  const env = safeEnv();
  for (const k of Object.keys(env)) if (/^npm_/i.test(k) || k === "INIT_CWD") delete env[k];
  return env;
}

function run(cmd: string, args: string[], cwd: string, timeoutMs = 240_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: userEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function ok(r: Run, what: string): Run {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stdout}${r.stderr}`);
  return r;
}

interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

describe("the packages, installed from their tarballs into a fresh project", function () {
  this.timeout(600_000);
  let tmp: string;
  let project: string;
  const tarballs: Record<string, string> = {};
  let program: { resources: Registered[]; rejected: string; defaultMinimumLength: number };

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aab-consumer-"));
    const packed = path.join(tmp, "tarballs");
    project = path.join(tmp, "project");
    fs.mkdirSync(packed);
    fs.mkdirSync(project);

    ok(await run("npm", ["run", "build", "--loglevel=error"], repo), "npm run build");
    const ws = workspaces.flatMap((w) => ["--workspace", w]);
    const pack = ok(
      await run("npm", ["pack", ...ws, "--pack-destination", packed, "--json", "--loglevel=error"], repo),
      "npm pack",
    );
    for (const t of JSON.parse(pack.stdout) as { name: string; filename: string }[]) {
      tarballs[t.name] = path.join(packed, t.filename);
    }

    const dependencies: Record<string, string> = {};
    for (const [name, file] of Object.entries(tarballs)) dependencies[name] = `file:${file}`;
    // The peers at the versions this checkout is tested with; TypeScript to type-check the program.
    for (const peer of ["@pulumi/pulumi", "@pulumi/aws", "typescript", "@types/node"]) {
      dependencies[peer] = installedVersion(peer);
    }
    const pkg = { name: "consumer", version: "1.0.0", private: true, dependencies };
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify(pkg, null, 2));
    const started = Date.now();
    ok(
      await run(
        "npm",
        ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
        project,
      ),
      "npm install",
    );
    console.log(
      `      (npm install of the tarballs and peers: ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    for (const f of fs.readdirSync(path.join(__dirname, "project"))) {
      fs.copyFileSync(path.join(__dirname, "project", f), path.join(project, f));
    }
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("packs one tarball per package: compiled JavaScript, .d.ts and manifests, no sources, tests or maps", () => {
    assert.deepStrictEqual(
      Object.keys(tarballs).sort(),
      workspaces.map((w) => manifest(path.join(repo, w)).name).sort(),
    );
    for (const [name, file] of Object.entries(tarballs)) {
      const listing = spawnSync("tar", ["tzf", file], { encoding: "utf8" }).stdout.trim().split("\n");
      const stray = listing.filter(
        (f) =>
          !/\.(js|d\.ts)$/.test(f) &&
          !/^package\/(package\.json|README\.md|PulumiPolicy\.yaml|examples\/[^/]+\.(csv|json))$/.test(f),
      );
      assert.deepStrictEqual(stray, [], name);
      assert.ok(
        listing.some((f) => /\/index\.d\.ts$/.test(f)),
        `${name} has no index.d.ts`,
      );
    }
  });

  it("installs nothing from this checkout: every package resolves inside the temporary project", () => {
    for (const name of Object.keys(tarballs)) {
      const resolved = fs.realpathSync(require.resolve(`${name}/package.json`, { paths: [project] }));
      assert.ok(resolved.startsWith(fs.realpathSync(project)), `${name} resolved to ${resolved}`);
    }
  });

  it("the installed pack packs again as `pulumi policy publish` packs it: PulumiPolicy.yaml and the compiled main", async () => {
    const packDir = path.join(project, "node_modules", "aws-account-baseline-policy-pack");
    const r = ok(await run("npm", ["pack", "--dry-run", "--json", "--loglevel=error"], packDir), "npm pack");
    const [{ files }] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
    const paths = files.map((f) => f.path);
    for (const f of ["PulumiPolicy.yaml", "package.json", "bin/index.js", "bin/audit/cli.js"]) {
      assert.ok(paths.includes(f), `${f} missing from ${paths.join(", ")}`);
    }
  });

  it("type-checks a program against the installed .d.ts, and rejects a misspelt arg", async () => {
    const r = await run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "."], project);
    const errors = r.stdout.trim().split("\n");
    assert.strictEqual(errors.length, 1, r.stdout);
    assert.match(
      errors[0],
      /^wrongArgs\.ts\(4,\d+\): error TS\d+: .*'minimumLenght' does not exist in type 'PasswordPolicyArgs'/,
    );
    assert.ok(fs.existsSync(path.join(project, "bin", "index.js")), "tsc emitted the program");
  });

  it("runs the program under Pulumi mocks: the baseline's resources, its defaults, the installed ValidationError", async () => {
    const r = ok(await run(process.execPath, ["mocks.js"], project), "the program under mocks");
    program = JSON.parse(r.stdout) as typeof program;
    const counts: Record<string, number> = {};
    for (const res of program.resources) counts[res.type] = (counts[res.type] ?? 0) + 1;
    assert.deepStrictEqual(counts, {
      "pulumi:providers:aws": 1,
      "aws-account-baseline:index:AccountBaseline": 1,
      "aws-account-baseline:iam:PasswordPolicy": 1,
      "aws-account-baseline:account:AlternateContacts": 1,
      "aws-account-baseline:iam:AdminAccess": 1,
      "aws-account-baseline:iam:SupportRole": 1,
      "aws-account-baseline:iam:AccessAnalyzer": 1,
      "aws:iam/accountPasswordPolicy:AccountPasswordPolicy": 1,
      "aws:account/alternativeContact:AlternativeContact": 1,
      "aws:iam/group:Group": 1,
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": 1,
      "aws:iam/groupPolicy:GroupPolicy": 2,
      "aws:iam/user:User": 2,
      "aws:iam/userGroupMembership:UserGroupMembership": 2,
      "aws:iam/userLoginProfile:UserLoginProfile": 2,
      "aws:iam/role:Role": 1,
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 1,
      "aws:accessanalyzer/analyzer:Analyzer": 1,
    });
    const policy = program.resources.find(
      (x) => x.type === "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
    );
    assert.strictEqual(policy?.inputs.minimumPasswordLength, 14);
    assert.strictEqual(program.defaultMinimumLength, 14);
    assert.strictEqual(
      program.rejected,
      "passwordPolicy.minimumLength must be an integer from 6 to 128; got 5",
    );
  });

  describe("the installed pack, started as the engine starts it", () => {
    let pack: PackClient;
    let packDir: string;
    const accountOff: PolicyPackConfigFile = Object.fromEntries(
      accountPolicyNames.map((n) => [n, { enforcementLevel: "disabled" as const }]),
    );
    before(async () => {
      packDir = path.join(project, "node_modules", "aws-account-baseline-policy-pack");
      pack = await startPack({ packDir, env: userEnv() });
      await pack.configureWithDefaults(accountOff);
    });
    after(async () => {
      await pack?.close();
    });

    it("runs on the project's own @pulumi/pulumi and reports every policy at the package version", async () => {
      assert.ok(
        runPolicyPackPath(packDir).startsWith(path.join(project, "node_modules", "@pulumi", "pulumi")),
      );
      const info = await pack.getAnalyzerInfo();
      assert.strictEqual(info.version, manifest(path.join(repo, "policy-pack")).version);
      assert.deepStrictEqual(
        info.policies.map((p) => p.name).sort(),
        [...resourcePolicyNames, ...accountPolicyNames, ...optInPolicyNames].sort(),
      );
    });

    it("passes the program's resources, and flags a weak password policy", async () => {
      assert.ok(program, "the program ran under mocks");
      const custom = program.resources.filter((x) => x.type.startsWith("aws:"));
      const found = [];
      for (const res of custom) {
        found.push(
          ...(await pack.analyze({ type: res.type, name: res.name, properties: res.inputs })).diagnostics,
        );
      }
      assert.deepStrictEqual(found, []);
      const weak = await pack.analyze({
        type: "aws:iam/accountPasswordPolicy:AccountPasswordPolicy",
        name: "weak",
        properties: {
          ...custom.find((x) => x.name === "prod-password-policy")?.inputs,
          minimumPasswordLength: 8,
        },
      });
      assert.deepStrictEqual(
        weak.diagnostics.map((d) => [d.policyName, d.message.split("\n").pop()]),
        [["password-policy-minimum-length", "minimum password length is 8; at least 14 is required"]],
      );
    });
  });

  it("npx aws-account-audit --credential-report on the shipped example: the checkout's findings, exit 1", async () => {
    const example = "node_modules/aws-account-baseline-policy-pack/examples/credential-report.csv";
    const args = ["--format", "json", "--now", NOW];
    const [installed, checkout] = await Promise.all([
      run("npx", ["--no", "--", "aws-account-audit", "--credential-report", example, ...args], project),
      runAudit(["--credential-report", "examples/credential-report.csv", ...args]),
    ]);
    assert.strictEqual(installed.stderr, "");
    assert.strictEqual(installed.code, 1);
    assert.strictEqual(checkout.code, 1);
    assert.deepStrictEqual(JSON.parse(installed.stdout), JSON.parse(checkout.stdout));
    const version = await run("npx", ["--no", "--", "aws-account-audit", "--version"], project);
    assert.deepStrictEqual(
      [version.code, version.stdout],
      [0, `${manifest(path.join(repo, "policy-pack")).version}\n`],
    );
  });
});
