/**
 * Pulumi mocks that record every registration: the real SDK runs against this mock engine. The
 * monitor forms URNs as the engine does (the parent's full qualified type, no prefix under the
 * root stack), keeps each resource's parent, provider and options, and answers invokes only for
 * tokens a test allows: an unexpected invoke fails the registration that made it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): object };

/** One registered resource, as `runProgram` returns it and the tests assert on. */
export interface RegisteredResource {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly custom: boolean;
  readonly inputs: Record<string, unknown>;
  /** What the mock engine returned as the resource's state. */
  readonly outputs: Record<string, unknown>;
  readonly provider?: string;
  readonly parent?: string;
  readonly retainOnDelete?: boolean;
  readonly additionalSecretOutputs?: readonly string[];
}

type Callback = (err: unknown, response?: unknown) => void;
/** Answers one invoke token: its inputs -> its result. */
export type Invoke = (inputs: Record<string, unknown>) => Record<string, unknown>;

const rootStackType = "pulumi:pulumi:Stack";
const accountId = "123456789012";

/** Plausible AWS state for the types this module creates; everything else echoes its inputs. */
export function mockState(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const iamName = (inputs.name as string | undefined) ?? `${name}-a1b2c3d`;
  switch (type) {
    case "aws:iam/user:User":
      return {
        ...inputs,
        name: iamName,
        arn: `arn:aws:iam::${accountId}:user/${iamName}`,
        uniqueId: `AIDA${name}`,
      };
    case "aws:iam/group:Group":
      return {
        ...inputs,
        name: iamName,
        arn: `arn:aws:iam::${accountId}:group/${iamName}`,
        uniqueId: `AGPA${name}`,
      };
    case "aws:iam/role:Role":
      return {
        ...inputs,
        name: iamName,
        arn: `arn:aws:iam::${accountId}:role/${iamName}`,
        uniqueId: `AROA${name}`,
      };
    case "aws:iam/userLoginProfile:UserLoginProfile":
      return inputs.pgpKey === undefined
        ? { ...inputs, password: `mock-password-${name}` }
        : { ...inputs, encryptedPassword: `wcBMA-mock-encrypted-${name}`, keyFingerprint: "d1a2c3b4e5f6" };
    default:
      return { ...inputs };
  }
}

export class RecordingMonitor {
  readonly resources: RegisteredResource[] = [];
  readonly invokes: { token: string; inputs: Record<string, unknown> }[] = [];

  constructor(private readonly allowedInvokes: Readonly<Record<string, Invoke>> = {}) {}

  private newUrn(parent: string, type: string, name: string): string {
    const parentType = parent === "" ? "" : parent.split("::")[2];
    const qualified = parentType === "" || parentType === rootStackType ? type : `${parentType}$${type}`;
    return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${qualified}::${name}`;
  }

  async registerResource(req: resproto.RegisterResourceRequest, callback: Callback): Promise<void> {
    try {
      const type: string = req.getType();
      const name: string = req.getName();
      const inputs = pulumi.runtime.deserializeProperties(req.getObject() ?? new structproto.Struct());
      const custom: boolean = req.getCustom();
      const outputs = custom ? mockState(type, name, inputs) : { ...inputs };
      const urn = this.newUrn(req.getParent(), type, name);
      const retain: boolean | undefined = req.getRetainondelete();
      const secretOutputs: string[] = req.getAdditionalsecretoutputsList();
      this.resources.push({
        type,
        name,
        urn,
        custom,
        inputs,
        outputs,
        ...(req.getProvider() ? { provider: req.getProvider() as string } : {}),
        ...(req.getParent() ? { parent: req.getParent() as string } : {}),
        ...(retain === undefined ? {} : { retainOnDelete: retain }),
        ...(secretOutputs.length > 0 ? { additionalSecretOutputs: secretOutputs } : {}),
      });
      const response = new resproto.RegisterResourceResponse();
      response.setUrn(urn);
      response.setId(custom ? `${name}-id` : "");
      response.setObject(
        structproto.Struct.fromJavaScript(await pulumi.runtime.serializeProperties("", outputs)),
      );
      callback(null, response);
    } catch (err) {
      callback(err);
    }
  }

  async invoke(req: resproto.ResourceInvokeRequest, callback: Callback): Promise<void> {
    try {
      const token: string = req.getTok();
      const inputs = pulumi.runtime.deserializeProperties(req.getArgs() ?? new structproto.Struct());
      const answer = this.allowedInvokes[token];
      if (answer === undefined) throw new Error(`unexpected invoke ${token}`);
      this.invokes.push({ token, inputs });
      const response = new provproto.InvokeResponse();
      response.setReturn(
        structproto.Struct.fromJavaScript(await pulumi.runtime.serializeProperties("", answer(inputs))),
      );
      callback(null, response);
    } catch (err) {
      // As a gRPC error: the runtime rethrows `details`, the engine's message, to the program.
      callback(Object.assign(err as Error, { details: (err as Error).message }));
    }
  }

  readResource(req: resproto.ReadResourceRequest, callback: Callback): void {
    callback(new Error(`unexpected read of ${req.getType()} ${req.getName()}`));
  }

  /**
   * What components (and the root stack) register as outputs, by URN, in the wire form the engine
   * receives: a secret is `{ [sig]: secretSig, value }`, so secrecy can be asserted.
   */
  readonly registeredOutputs = new Map<string, Record<string, unknown>>();

  registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, callback: Callback): void {
    this.registeredOutputs.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
    callback(null, {});
  }

  supportsFeature(req: resproto.SupportsFeatureRequest, callback: Callback): void {
    // As Pulumi's own mocks: every feature but outputValues, so inputs arrive as plain values.
    callback(null, { getHassupport: () => req.getId() !== "outputValues" });
  }

  registerPackage(_req: unknown, callback: Callback): void {
    const response = new resproto.RegisterPackageResponse();
    response.setRef("mock-package");
    callback(null, response);
  }

  /** Waits until every registration the program started has been answered. */
  settled(): Promise<void> {
    return allRegistered();
  }

  ofType(type: string): RegisteredResource[] {
    return this.resources.filter((r) => r.type === type);
  }
}

export interface InstallOptions {
  readonly project?: string;
  readonly stack?: string;
  readonly preview?: boolean;
  readonly invokes?: Readonly<Record<string, Invoke>>;
}

/**
 * Points the Pulumi runtime at a fresh RecordingMonitor, with the features Pulumi's own
 * `setMocks` enables (secrets, resource references; not output values, so inputs arrive plain).
 * `setMockOptions` resets those flags, so they are set after it, exactly as `setMocks` sets them.
 */
export function installMocks(opts: InstallOptions = {}): RecordingMonitor {
  const monitor = new RecordingMonitor(opts.invokes);
  const project = opts.project ?? "aws-account-baseline";
  const stack = opts.stack ?? "test";
  pulumi.runtime.setMockOptions(monitor, project, stack, opts.preview ?? false);
  Object.assign(state.getStore(), {
    supportsSecrets: true,
    supportsResourceReferences: true,
    supportsOutputValues: false,
    supportsDeletedWith: true,
    supportsReplaceWith: true,
    supportsAliasSpecs: true,
    supportsTransforms: false,
    supportsParameterization: true,
    supportsResourceHooks: true,
    supportsErrorHooks: true,
  });
  return monitor;
}

/** Waits until every RPC the runtime started (registrations, outputs) has been answered. */
export function allRegistered(): Promise<void> {
  return settings.waitForRPCs();
}

/** The value of an Output, awaited (never an assertion inside `.apply`). */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise<T>((resolve) => output.apply((v) => resolve(v)));
}

/** Whether an Output is marked secret. */
export function isSecret<T>(output: pulumi.Output<T>): Promise<boolean> {
  return pulumi.isSecret(output);
}

/**
 * Installs fresh mocks, runs `create` (which builds components), waits for every registration
 * and returns the monitor with the records.
 */
export async function record(create: () => unknown, opts: InstallOptions = {}): Promise<RecordingMonitor> {
  const monitor = installMocks(opts);
  create();
  await monitor.settled();
  return monitor;
}
