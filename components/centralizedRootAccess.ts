import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolveCentralizedRootAccessArgs, RootAccessFeature } from "./validation/organization";

/**
 * Centralized root access for the organization's member accounts (IAM's Organizations
 * features). Run from the management account, with trusted access for IAM enabled in
 * Organizations (`aws organizations enable-aws-service-access --service-principal iam.amazonaws.com`).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-enable-root-access.html
 */
export interface CentralizedRootAccessArgs {
  /**
   * RootCredentialsManagement: the management account can delete member accounts' root
   * passwords, access keys, signing certificates and MFA devices, and new accounts are created
   * without root credentials.
   * @default true
   */
  readonly rootCredentialsManagement?: boolean;
  /**
   * RootSessions: the management account can take short, task-scoped root sessions on member
   * accounts (e.g. to unlock a misconfigured bucket policy) without their root credentials.
   * @default true
   */
  readonly rootSessions?: boolean;
  /**
   * Keep the features enabled when they leave the stack (`pulumi destroy`).
   * @default true
   */
  readonly retainOnDelete?: boolean;
}

/** One `aws.iam.OrganizationsFeatures` with the features chosen (both by default). */
export class CentralizedRootAccess extends pulumi.ComponentResource {
  /** The features enabled, as AWS names them. */
  public readonly enabledFeatures: readonly RootAccessFeature[];
  public readonly features: aws.iam.OrganizationsFeatures;

  constructor(name: string, args: CentralizedRootAccessArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const { enabledFeatures, retainOnDelete } = resolveCentralizedRootAccessArgs(args);
    super("aws-account-baseline:iam:CentralizedRootAccess", name, {}, opts);

    this.features = new aws.iam.OrganizationsFeatures(
      `${name}-features`,
      { enabledFeatures: [...enabledFeatures] },
      { parent: this, retainOnDelete },
    );
    this.enabledFeatures = enabledFeatures;
    this.registerOutputs({ enabledFeatures: this.enabledFeatures, features: this.features });
  }
}
