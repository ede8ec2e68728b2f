/**
 * A stand-in for the `aws` resource provider plugin, for the end-to-end tier only: the real one
 * cannot be built or downloaded on these machines. The engine starts it as `pulumi-resource-aws`
 * (see plugin.ts) and talks to it over the provider gRPC protocol, with the stubs that ship in
 * `@pulumi/pulumi/proto`. It keeps no state of its own and calls nothing:
 *
 * - Check, Create, Read and Update echo the inputs they are given, plus the few computed
 *   outputs the program reads (ARNs, the login profile's password), from the same table the
 *   mock engine uses (tools/mockEngine.ts); ids are `<name>-id`, so runs are deterministic.
 *   Secrets come in wrapped (`acceptSecrets`) and go back out wrapped: they stay secrets.
 * - Diff compares the new inputs with the old ones: no change, no update.
 * - Invoke answers getCallerIdentity and getOrganization from the simulated organization
 *   (tools/simulatedOrganization.ts) for the stack's config, as `npm run check` does.
 * - Every request is journaled (journal.ts), so a test sees what the engine asked it to do.
 *
 * It proves what the engine does with the program (config, secrets, the resource graph, the
 * pack, exit codes), never what AWS does.
 */
import * as fs from "fs";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as plugin from "@pulumi/pulumi/proto/plugin_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import * as services from "@pulumi/pulumi/proto/provider_grpc_pb";
import { mockState } from "../../../tools/mockEngine";
import { stackConfig } from "../../../tools/runProgram";
import { simulatedOrganizationInvokes } from "../../../tools/simulatedOrganization";
import { record, urnType } from "./journal";

type Values = Record<string, unknown>;

/** The plugin version the engine is told: the one @pulumi/aws asks for. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const version = (require("@pulumi/aws/package.json") as { version: string }).version;

const values = (s: Struct | undefined): Values => (s?.toJavaScript() ?? {}) as Values;
const struct = (v: Values): Struct => Struct.fromJavaScript(v as never);
/** `urn:pulumi:stack::project::type::name` -> type, name. */
function typeAndName(urn: string): { type: string; name: string } {
  return { type: urnType(urn), name: urn.split("::").slice(3).join("::") };
}
/** The stack's `aws:*` config as the CLI hands config to a program: key -> text. */
function asConfigText(args: Values): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => [`aws:${k}`, typeof v === "string" ? v : JSON.stringify(v)]),
  );
}

/**
 * The whole stack config (the organization the program reads depends on the ids it lists), from
 * `Pulumi.<stack>.yaml` in the folder the engine starts plugins in, the project's; the stack is
 * the one in the provider's URN (`urn:pulumi:<stack>::...`).
 */
function stackFileConfig(providerUrn: string | undefined): Record<string, string> {
  const stack = /^urn:pulumi:([^:]+)::/.exec(providerUrn ?? "")?.[1];
  const file = path.join(process.cwd(), `Pulumi.${stack}.yaml`);
  return stack !== undefined && fs.existsSync(file)
    ? stackConfig(file, process.env.PULUMI_PROJECT ?? "")
    : {};
}

type Handler = (req: never) => unknown;

/** A unary gRPC method from a handler: journaled, and any throw becomes the call's error. */
function unary(op: string, handler: Handler) {
  return (call: grpc.ServerUnaryCall<object, unknown>, done: grpc.sendUnaryData<unknown>): void => {
    try {
      record(op, call.request);
      done(null, handler(call.request as never));
    } catch (err) {
      done({ code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err) });
    }
  };
}

/** The invoke answers for the stack's configuration (Configure sets it; one provider per process). */
let invokes = simulatedOrganizationInvokes({});

function state(urn: string, inputs: Values): Values {
  const { type, name } = typeAndName(urn);
  return mockState(type, name, inputs);
}

const handlers = {
  getPluginInfo: () => new plugin.PluginInfo().setVersion(version),
  getSchema: () =>
    new proto.GetSchemaResponse().setSchema(JSON.stringify({ name: "aws", version, resources: {} })),
  checkConfig: (req: proto.CheckRequest) => new proto.CheckResponse().setInputs(req.getNews() ?? struct({})),
  diffConfig: () => new proto.DiffResponse().setChanges(proto.DiffResponse.DiffChanges.DIFF_NONE),
  configure: (req: proto.ConfigureRequest) => {
    invokes = simulatedOrganizationInvokes({
      ...stackFileConfig(req.getUrn()),
      ...asConfigText(values(req.getArgs())),
    });
    return new proto.ConfigureResponse().setAcceptsecrets(true).setAcceptresources(true);
  },
  invoke: (req: proto.InvokeRequest) => {
    const answer = invokes[req.getTok()];
    if (answer === undefined) throw new Error(`the stand-in aws provider does not know ${req.getTok()}`);
    return new proto.InvokeResponse().setReturn(struct(answer(values(req.getArgs()))));
  },
  check: (req: proto.CheckRequest) => new proto.CheckResponse().setInputs(req.getNews() ?? struct({})),
  diff: (req: proto.DiffRequest) => {
    const before = JSON.stringify(values(req.getOldInputs() ?? req.getOlds()));
    const same = before === JSON.stringify(values(req.getNews()));
    return new proto.DiffResponse().setChanges(
      same ? proto.DiffResponse.DiffChanges.DIFF_NONE : proto.DiffResponse.DiffChanges.DIFF_SOME,
    );
  },
  create: (req: proto.CreateRequest) =>
    new proto.CreateResponse()
      .setId(`${typeAndName(req.getUrn()).name}-id`)
      .setProperties(struct(state(req.getUrn(), values(req.getProperties())))),
  read: (req: proto.ReadRequest) =>
    new proto.ReadResponse()
      .setId(req.getId())
      .setProperties(req.getProperties() ?? struct({}))
      .setInputs(req.getInputs() ?? struct({})),
  update: (req: proto.UpdateRequest) =>
    new proto.UpdateResponse().setProperties(struct(state(req.getUrn(), values(req.getNews())))),
  delete: () => new Empty(),
  cancel: () => new Empty(),
};

const implementation = Object.fromEntries(
  Object.entries(handlers as Record<string, Handler>).map(([op, handler]) => [op, unary(op, handler)]),
);

/** Serves on a loopback port and prints it as the first line of stdout, as the engine expects. */
function main(): void {
  const server = new grpc.Server();
  server.addService(services.ResourceProviderService, implementation as never);
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      process.stderr.write(`stand-in aws provider: ${err.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`${port}\n`);
  });
}

main();
