/**
 * Starts a policy pack exactly as `pulumi preview --policy-pack DIR` does and drives it over the
 * engine's gRPC protocol: `node <@pulumi/pulumi>/cmd/run-policy-pack <engineAddr> <packDir>` with
 * the pack folder as working directory, the port read from the first line of stdout. Plain
 * objects in and out; protobuf stays in analyzerProto.ts.
 *
 *   const pack = await startPack();                        // policy-pack/, compiled main
 *   await pack.configureWithDefaults(loadPolicyPackConfigFile("cfg.json"));
 *   const { diagnostics } = await pack.analyze({ type, name, properties });
 *   await pack.close();
 *
 * @see ../../shared/reference/analyzer-protocol.md
 */
import * as grpc from "@grpc/grpc-js";
import { ChildProcess, spawn } from "child_process";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as path from "path";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import {
  AnalyzeResult,
  AnalyzerInfo,
  RemediateResult,
  ResourceInput,
  analyzeRequest,
  analyzeStackRequest,
  configureRequest,
  fromAnalyzeResponse,
  fromAnalyzerInfo,
  fromRemediateResponse,
} from "./analyzerProto";
import {
  PolicyPackConfigFile,
  ResolvedPackConfig,
  reconcilePolicyConfig,
} from "../policy-pack/config/packConfig";

export * from "./analyzerProto";
export * from "./engineValues";
export * from "../policy-pack/config/packConfig";

/** This repository's pack folder. */
export const defaultPackDir = path.resolve(__dirname, "..", "policy-pack");

export interface StartPackOptions {
  /** The pack folder (holding package.json and PulumiPolicy.yaml). Default: policy-pack/. */
  readonly packDir?: string;
  /** The child's environment. Default: this process's (tests and benches make it AWS-safe). */
  readonly env?: NodeJS.ProcessEnv;
  /** Give up if no port line arrives within this time. Default 60 s. */
  readonly startTimeoutMs?: number;
  /** Per-call deadline for each RPC. Default 60 s. */
  readonly callTimeoutMs?: number;
}

export interface PackClient {
  readonly port: number;
  readonly pid: number;
  /** Milliseconds from spawn to the port line on stdout. */
  readonly startupMs: number;
  /** What the pack has written to stderr so far. */
  stderr(): string;
  /** What the pack has written to stdout after its port line. */
  stdout(): string;
  getAnalyzerInfo(): Promise<AnalyzerInfo>;
  /** Sends the given config as is (no defaults are added; see configureWithDefaults). */
  configure(config: ResolvedPackConfig): Promise<void>;
  /** GetAnalyzerInfo, fill in schema defaults and merge `file` as the CLI does, Configure; returns what was sent. */
  configureWithDefaults(file?: PolicyPackConfigFile): Promise<ResolvedPackConfig>;
  analyze(resource: ResourceInput): Promise<AnalyzeResult>;
  remediate(resource: ResourceInput): Promise<RemediateResult>;
  analyzeStack(resources: readonly ResourceInput[]): Promise<AnalyzeResult>;
  /** Closes the channel and kills the pack process; resolves when it has exited. */
  close(): Promise<void>;
}

/** `<@pulumi/pulumi as the pack resolves it>/cmd/run-policy-pack`, as the Node.js language host picks it. */
export function runPolicyPackPath(packDir: string): string {
  const pkg = require.resolve("@pulumi/pulumi/package.json", { paths: [packDir] });
  return path.join(path.dirname(pkg), "cmd", "run-policy-pack");
}

type Unary<Req, Res> = (
  req: Req,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  cb: (err: grpc.ServiceError | null, res: Res) => void,
) => grpc.ClientUnaryCall;

export async function startPack(opts: StartPackOptions = {}): Promise<PackClient> {
  const packDir = path.resolve(opts.packDir ?? defaultPackDir);
  const started = process.hrtime.bigint();
  // The engine address argument is discarded by run-policy-pack; any placeholder will do.
  const child = spawn(process.execPath, [runPolicyPackPath(packDir), "127.0.0.1:0", packDir], {
    cwd: packDir,
    env: opts.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d: string) => (stderr += d));
  let stdout = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  let port: number;
  try {
    port = await readPort(child, opts.startTimeoutMs ?? 60_000, () => stderr);
    // Keep draining stdout (a policy may log) so the pipe never fills and blocks the pack.
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
  } catch (e) {
    child.kill("SIGKILL");
    await exited;
    throw e;
  }
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;

  const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
  });
  const callTimeoutMs = opts.callTimeoutMs ?? 60_000;
  function call<Req, Res>(method: Unary<Req, Res>, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      const deadline = new Date(Date.now() + callTimeoutMs);
      method.call(client, req, new grpc.Metadata(), { deadline }, (err, res) =>
        err ? reject(err) : resolve(res),
      );
    });
  }

  const pack: PackClient = {
    port,
    pid: child.pid!,
    startupMs,
    stderr: () => stderr,
    stdout: () => stdout,
    getAnalyzerInfo: async () => fromAnalyzerInfo(await call(client.getAnalyzerInfo, new Empty())),
    configure: async (config) => {
      await call(client.configure, configureRequest(config));
    },
    configureWithDefaults: async (file) => {
      const info = await pack.getAnalyzerInfo();
      const config = reconcilePolicyConfig(info.policies, file);
      await pack.configure(config);
      return config;
    },
    analyze: async (r) => fromAnalyzeResponse(await call(client.analyze, analyzeRequest(r))),
    remediate: async (r) => fromRemediateResponse(await call(client.remediate, analyzeRequest(r))),
    analyzeStack: async (rs) => fromAnalyzeResponse(await call(client.analyzeStack, analyzeStackRequest(rs))),
    close: async () => {
      client.close();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  return pack;
}

/** Resolves with the port from the child's first stdout line; rejects if it exits or times out first. */
function readPort(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    const fail = (why: string): void => {
      cleanup();
      const err = stderr().trim();
      reject(new Error(`policy pack ${why}${err ? `:\n${err}` : ""}`));
    };
    const onData = (d: Buffer): void => {
      out += d.toString("utf8");
      const nl = out.indexOf("\n");
      if (nl < 0) return;
      const line = out.slice(0, nl).trim();
      cleanup();
      const port = Number(line);
      if (Number.isInteger(port) && port > 0) resolve(port);
      else
        reject(
          new Error(
            `policy pack printed ${JSON.stringify(line)} instead of a port${stderr() ? `:\n${stderr()}` : ""}`,
          ),
        );
    };
    const onExit = (code: number | null, signal: string | null): void =>
      fail(`exited (${code ?? signal}) before printing its port`);
    const timer = setTimeout(() => fail(`printed no port within ${timeoutMs} ms`), timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      child.off("exit", onExit);
    }
    child.stdout!.on("data", onData);
    child.once("exit", onExit);
  });
}
