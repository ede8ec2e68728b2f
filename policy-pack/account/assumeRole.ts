/**
 * STS AssumeRole, alone or as a chain (each role assumed with the previous role's credentials,
 * the first with the ambient ones), as the aws provider's `assumeRoles` does. The SDK is loaded
 * on first use. A failure names the role and the cause, in one line.
 */
import type { STSClient } from "@aws-sdk/client-sts";
import { describeAwsFailure, notAwsAnswer, ReadFailure } from "./awsErrors";
import type { Deadline } from "./deadline";

/** One entry of the aws provider's `assumeRoles` (pulumi-aws v7), as STS AssumeRole takes it. */
export interface RoleToAssume {
  readonly roleArn: string;
  readonly sessionName?: string;
  readonly externalId?: string;
  readonly durationSeconds?: number;
  readonly policy?: string;
  readonly policyArns?: readonly string[];
  readonly sourceIdentity?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly transitiveTagKeys?: readonly string[];
}

export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration?: Date;
}

/** A role could not be assumed: the message names the role and why, fit for one line. */
export class AssumeRoleError extends Error {
  constructor(
    readonly roleArn: string,
    message: string,
  ) {
    super(message);
    this.name = "AssumeRoleError";
  }
}

const roleAccount = (arn: string): string | undefined => /^arn:aws[\w-]*:iam::(\d{12}):role\//.exec(arn)?.[1];

/** Why AssumeRole failed; AWS answers AccessDenied alike for a missing role and an untrusting one. */
export function describeAssumeFailure(roleArn: string, e: unknown): string {
  const err = (e ?? {}) as { name?: string; message?: string };
  if (/AccessDenied/.test(err.name ?? "")) {
    const where = roleAccount(roleArn) ? ` in account ${roleAccount(roleArn)}` : "";
    const detail = (err.message ?? "").replace(/\s+/g, " ").trim().slice(0, 300);
    return `could not assume role ${roleArn} (AccessDenied${detail ? `: ${detail}` : ""}); the role must exist${where} and trust the credentials running the check, which need sts:AssumeRole on it`;
  }
  return `could not assume role ${roleArn}: ${describeAwsFailure("sts:AssumeRole", e)}`;
}

/**
 * Assumes each role of `chain` in turn; returns the last role's credentials. `clientConfig`
 * (region, endpoint, ...) is used for every STS call; the first call signs with its
 * `credentials`, or the ambient ones, through `firstClient` when given (one client shared by
 * many assumptions from the same credentials). Each call runs under `deadline` when given.
 */
export async function assumeRoleChain(
  chain: readonly RoleToAssume[],
  clientConfig: Readonly<Record<string, unknown>>,
  defaultSessionName: string,
  firstClient?: STSClient,
  deadline?: Deadline,
): Promise<TemporaryCredentials> {
  if (chain.length === 0) throw new Error("assumeRoleChain needs at least one role");
  const sts = await import("@aws-sdk/client-sts");
  let credentials = clientConfig.credentials as TemporaryCredentials | undefined;
  for (const [i, role] of chain.entries()) {
    const shared = i === 0 ? firstClient : undefined;
    const client = shared ?? new sts.STSClient({ ...clientConfig, ...(credentials ? { credentials } : {}) });
    try {
      const command = new sts.AssumeRoleCommand({
        RoleArn: role.roleArn,
        RoleSessionName: role.sessionName ?? defaultSessionName,
        ExternalId: role.externalId,
        DurationSeconds: role.durationSeconds,
        Policy: role.policy,
        PolicyArns: role.policyArns?.map((arn) => ({ arn })),
        SourceIdentity: role.sourceIdentity,
        Tags: role.tags ? Object.entries(role.tags).map(([Key, Value]) => ({ Key, Value })) : undefined,
        TransitiveTagKeys: role.transitiveTagKeys ? [...role.transitiveTagKeys] : undefined,
      });
      const out = deadline
        ? await deadline.run("sts:AssumeRole", (abortSignal) => client.send(command, { abortSignal }))
        : await client.send(command);
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new AssumeRoleError(
          role.roleArn,
          `could not assume role ${role.roleArn}: ${notAwsAnswer("sts:AssumeRole", "HTTP 200 without Credentials")}`,
        );
      }
      credentials = {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
      };
    } catch (e) {
      if (e instanceof AssumeRoleError) throw e;
      const why = e instanceof ReadFailure ? e.message : describeAssumeFailure(role.roleArn, e);
      throw new AssumeRoleError(
        role.roleArn,
        e instanceof ReadFailure ? `could not assume role ${role.roleArn}: ${why}` : why,
      );
    } finally {
      if (!shared) client.destroy();
    }
  }
  return credentials as TemporaryCredentials;
}
