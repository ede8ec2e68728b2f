/**
 * The policy pack's cost to a preview: time from spawning the pack to its port line, and Analyze
 * round-trip latency over gRPC for 1,000 resources, for four packs started exactly as the engine
 * starts them (tools/packClient.ts):
 *
 *   floor    a minimal one-policy JavaScript pack on the same node_modules (the lower bound)
 *   ours     policy-pack/, compiled JavaScript main (what `npm ci` builds)
 *   ts-node  the same policies loaded the way Pulumi's pack template ships them: a TypeScript
 *            main that run-policy-pack compiles through ts-node with type checking
 *   awsguard @pulumi/awsguard 0.3.1 as a pack (installed into bench/peers/awsguard on first run)
 *
 * Prints figures and ratios against the targets; asserts nothing. Every pack runs with
 * safeEnv() and, for AWSGuard (whose aws-sdk v2 ignores AWS_ENDPOINT_URL), a preload that
 * refuses every non-loopback connection, so "AWS unreachable" is real and nothing leaves the machine.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { awsTypes } from "../policy-pack/resources/types";
import { ensurePackBuilt } from "../tools/packBuild";
import { ResourceInput, defaultPackDir, startPack } from "../tools/packClient";
import { applySafeEnv, safeEnv } from "../tools/safeEnv";

// Run directly or through bench/index.ts, nothing here may reach off the machine.
applySafeEnv();

const root = path.resolve(__dirname, "..");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const analyzeCount = 1000;
const warmup = 50;

interface PackSpec {
  readonly label: string;
  readonly dir: string;
  readonly env?: NodeJS.ProcessEnv;
}

interface Figures {
  readonly label: string;
  readonly portMs: number[];
  readonly analyzeMs: number[];
  readonly failures: number;
  readonly firstFailure?: string;
}

const peers = path.join(__dirname, "peers");

/**
 * A throw-away pack folder under `parent`, so its requires resolve through the same node_modules
 * folders as a real pack (no symlink in the way); removed when the benchmark ends.
 */
function tempPack(parent: string, name: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(parent, `.${name}-`));
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const packageJson = (name: string, main: string) => JSON.stringify({ name, version: "0.0.1", main });
const pulumiPolicyYaml = "runtime: nodejs\n";

function floorPack(): string {
  const index = `const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("floor", {
  policies: [{
    name: "minimum-length",
    description: "The password policy requires 14 characters.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
      if (args.type === "${awsTypes.accountPasswordPolicy}" && !(args.props.minimumPasswordLength >= 14)) {
        reportViolation("minimum password length is below 14");
      }
    },
  }],
});
`;
  return tempPack(peers, "floor-pack", {
    "package.json": packageJson("floor-pack", "index.js"),
    "PulumiPolicy.yaml": pulumiPolicyYaml,
    "index.js": index,
  });
}

/** Pulumi's `policy-typescript` template: main index.ts, a tsconfig, run-policy-pack's ts-node. */
function tsNodePack(): string {
  const policies = path.join(root, "policy-pack", "policies").replace(/\\/g, "/");
  const index = `import { PolicyPack } from "@pulumi/policy";
import { policies } from "${policies}";

new PolicyPack("aws-account-baseline", { policies });
`;
  // The template's tsconfig as shipped, except `target` (es2016 there): our sources use ES2019+
  // library calls (Object.fromEntries), so a user of the template raises it as we do here.
  const tsconfig = {
    compilerOptions: {
      strict: true,
      outDir: "bin",
      target: "es2022",
      module: "commonjs",
      moduleResolution: "node",
      sourceMap: true,
      experimentalDecorators: true,
      pretty: true,
      noFallthroughCasesInSwitch: true,
      noImplicitReturns: true,
      forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
  };
  return tempPack(peers, "tsnode-pack", {
    "package.json": packageJson("aws-account-baseline", "index.ts"),
    "PulumiPolicy.yaml": pulumiPolicyYaml,
    "tsconfig.json": JSON.stringify(tsconfig, null, 2),
    "index.ts": index,
  });
}

/** Refuses DNS and sockets for anything but loopback: aws-sdk v2 would otherwise go to iam.amazonaws.com. */
const loopbackOnly = `const dns = require("dns"); const net = require("net");
const local = (h) => h === undefined || h === "localhost" || /^127\\./.test(h) || h === "::1";
const lookup = dns.lookup;
dns.lookup = function (host, opts, cb) {
  if (typeof opts === "function") { cb = opts; opts = {}; }
  if (local(host)) return lookup.call(dns, host, opts, cb);
  const err = Object.assign(new Error("getaddrinfo ENOTFOUND " + host + " (bench: loopback only)"), { code: "ENOTFOUND", hostname: host });
  process.nextTick(() => cb(err));
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const o = typeof args[0] === "object" && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  if (o.path === undefined && !local(o.host)) throw new Error("bench: connection to " + o.host + " refused (loopback only)");
  return connect.apply(this, args);
};
`;

function awsguardPack(): string | undefined {
  const peer = path.join(peers, "awsguard");
  const modules = path.join(peer, "node_modules");
  if (!fs.existsSync(modules)) {
    // The one thing a benchmark fetches: the comparison peer, from the npm registry, pinned by
    // bench/peers/awsguard/package-lock.json.
    console.log("installing @pulumi/awsguard 0.3.1 into bench/peers/awsguard (first run only) ...");
    const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: peer,
      stdio: "inherit",
      env: safeEnv(),
    });
    if (r.status !== 0) {
      console.log("  npm ci failed; AWSGuard is left out of this run");
      return undefined;
    }
  }
  const index = `const { AwsGuard } = require("@pulumi/awsguard");
new AwsGuard({ all: "mandatory" });
`;
  return tempPack(peer, "awsguard-pack", {
    "package.json": packageJson("awsguard-pack", "index.js"),
    "PulumiPolicy.yaml": pulumiPolicyYaml,
    "index.js": index,
    "loopback-only.js": loopbackOnly,
  });
}

/** 1,000 resources as a preview of many baseline stacks would send them: one of each kind in turn. */
function workload(): ResourceInput[] {
  const kinds: ((i: number) => ResourceInput)[] = [
    (i) => ({
      type: awsTypes.accountPasswordPolicy,
      name: `pp-${i}`,
      properties: {
        minimumPasswordLength: 8 + (i % 10),
        passwordReusePrevention: 24,
        maxPasswordAge: 90,
        requireUppercaseCharacters: true,
        requireLowercaseCharacters: true,
        requireNumbers: true,
        requireSymbols: i % 2 === 0,
      },
    }),
    (i) => ({ type: awsTypes.user, name: `user-${i}`, properties: { name: `user${i}` } }),
    (i) => ({ type: awsTypes.group, name: `group-${i}`, properties: { name: `group${i}` } }),
    (i) => ({
      type: awsTypes.userLoginProfile,
      name: `login-${i}`,
      properties: { user: `user${i}`, passwordResetRequired: i % 3 !== 0, pgpKey: "keybase:someone" },
    }),
    (i) => ({ type: awsTypes.accessKey, name: `key-${i}`, properties: { user: `user${i}` } }),
    (i) => ({
      type: awsTypes.groupPolicyAttachment,
      name: `gpa-${i}`,
      properties: { group: `group${i}`, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
    }),
    (i) => ({
      type: awsTypes.alternativeContact,
      name: `contact-${i}`,
      properties: {
        alternateContactType: "SECURITY",
        name: "Sec",
        title: "Team",
        emailAddress: "s@example.com",
        phoneNumber: "+1 555",
      },
    }),
  ];
  return Array.from({ length: analyzeCount }, (_, i) => kinds[i % kinds.length](i));
}

/** Starts to the port line, interleaved across packs so a busy machine weighs on all alike. */
async function timeStarts(specs: readonly PackSpec[]): Promise<Map<PackSpec, number[]>> {
  const times = new Map<PackSpec, number[]>(specs.map((s) => [s, []]));
  for (let run = 0; run < runs; run++) {
    for (const spec of specs) {
      const p = await startPack({ packDir: spec.dir, env: spec.env ?? safeEnv(), startTimeoutMs: 120_000 });
      times.get(spec)!.push(p.startupMs);
      await p.close();
    }
  }
  return times;
}

async function timeAnalyze(
  spec: PackSpec,
  resources: ResourceInput[],
): Promise<Omit<Figures, "label" | "portMs">> {
  const pack = await startPack({ packDir: spec.dir, env: spec.env ?? safeEnv(), startTimeoutMs: 120_000 });
  const analyzeMs: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  try {
    // As the CLI: GetAnalyzerInfo, then Configure with every schema default filled in.
    await pack.configureWithDefaults();
    for (let i = 0; i < warmup + resources.length; i++) {
      const r = resources[i % resources.length];
      const t = process.hrtime.bigint();
      try {
        await pack.analyze(r);
      } catch (e) {
        failures += i >= warmup ? 1 : 0;
        firstFailure ??= `${r.type}: ${(e as Error).message.split("\n").slice(0, 2).join(" ").slice(0, 240)}`;
      }
      if (i >= warmup) analyzeMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  } finally {
    await pack.close();
  }
  return { analyzeMs, failures, ...(firstFailure ? { firstFailure } : {}) };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (xs: number[]) => quantile(xs, 0.5);
const fmt = (ms: number) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);

async function main(): Promise<void> {
  ensurePackBuilt(defaultPackDir);
  const resources = workload();
  const temp: string[] = [];
  const specs: PackSpec[] = [];
  try {
    const floor = floorPack();
    const tsnode = tsNodePack();
    temp.push(floor, tsnode);
    specs.push(
      { label: "floor (1-policy JS)", dir: floor },
      { label: "ours (compiled JS)", dir: defaultPackDir },
      { label: "ours via ts-node", dir: tsnode },
    );
    const guard = awsguardPack();
    if (guard) {
      temp.push(guard);
      specs.push({
        label: "awsguard 0.3.1",
        dir: guard,
        env: safeEnv({ NODE_OPTIONS: `--require ${path.join(guard, "loopback-only.js")}` }),
      });
    }

    console.log(
      `${runs} starts per pack, interleaved (median reported); ${analyzeCount} Analyze calls after ${warmup} warm-up, one at a time`,
    );
    const starts = await timeStarts(specs);
    const results: Figures[] = [];
    for (const spec of specs) {
      try {
        const f = { label: spec.label, portMs: starts.get(spec)!, ...(await timeAnalyze(spec, resources)) };
        results.push(f);
        console.log(
          `${f.label.padEnd(22)} port ${fmt(median(f.portMs)).padStart(9)} (min ${fmt(Math.min(...f.portMs))})   ` +
            `Analyze median ${fmt(median(f.analyzeMs))}  p99 ${fmt(quantile(f.analyzeMs, 0.99))}   ` +
            `failed RPCs ${f.failures}/${analyzeCount}`,
        );
        if (f.firstFailure) console.log(`${"".padEnd(22)} first failure: ${f.firstFailure}`);
      } catch (e) {
        console.log(`${spec.label.padEnd(22)} could not be measured: ${(e as Error).message.split("\n")[0]}`);
      }
    }

    const by = (prefix: string) => results.find((r) => r.label.startsWith(prefix));
    const [floorF, ours, viaTs, guardF] = [by("floor"), by("ours (compiled"), by("ours via"), by("awsguard")];
    if (floorF && ours) {
      const portRatio = median(ours.portMs) / median(floorF.portMs);
      const analyzeRatio = median(ours.analyzeMs) / median(floorF.analyzeMs);
      console.log("");
      console.log(
        `time to port, ours / floor:      ${portRatio.toFixed(2)}x   (target <= 1.25x: ${portRatio <= 1.25 ? "met" : "NOT met"})`,
      );
      if (viaTs) {
        const speedup = median(viaTs.portMs) / median(ours.portMs);
        console.log(
          `time to port, ts-node / ours:    ${speedup.toFixed(1)}x   (target >= 5x: ${speedup >= 5 ? "met" : "NOT met"})`,
        );
      }
      console.log(
        `Analyze median, ours / floor:    ${analyzeRatio.toFixed(2)}x   (target <= 1.5x: ${analyzeRatio <= 1.5 ? "met" : "NOT met"})`,
      );
      if (guardF) {
        console.log(
          `time to port, awsguard / ours:   ${(median(guardF.portMs) / median(ours.portMs)).toFixed(1)}x; ` +
            `AWSGuard Analyze with AWS unreachable: ${guardF.failures > 0 ? `${guardF.failures} RPCs FAILED (a real preview errors)` : "no failures"}; ` +
            `ours: ${ours.failures === 0 ? "no failures" : `${ours.failures} FAILED`}`,
        );
      }
    }
  } finally {
    for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
