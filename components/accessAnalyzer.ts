import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolveAccessAnalyzerArgs } from "./validation/permissions";

/**
 * IAM Access Analyzer external-access analyzers (CIS v5 1.19, Security Hub IAM.28): one of type
 * ACCOUNT per listed region, and on a management (or delegated administrator) stack optionally
 * one of type ORGANIZATION per region instead.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html
 */
export interface AccessAnalyzerArgs {
  /** Regions to analyze; omitted or empty: the provider's region. */
  readonly regions?: readonly string[];
  /**
   * ORGANIZATION (zone of trust: the organization) instead of ACCOUNT; only from the
   * management account or a delegated administrator.
   * @default false
   */
  readonly organization?: boolean;
  /**
   * The analyzers' name.
   * @default "account-baseline-external-access"
   */
  readonly analyzerName?: string;
}

export class AccessAnalyzer extends pulumi.ComponentResource {
  public readonly analyzers: aws.accessanalyzer.Analyzer[];

  constructor(name: string, args: AccessAnalyzerArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const { regions, type, analyzerName } = resolveAccessAnalyzerArgs(args);
    super("aws-account-baseline:iam:AccessAnalyzer", name, {}, opts);
    const targets: (string | undefined)[] = regions.length > 0 ? regions : [undefined];
    this.analyzers = targets.map(
      (region) =>
        new aws.accessanalyzer.Analyzer(
          region ? `${name}-${region}` : `${name}-analyzer`,
          { analyzerName, type, ...(region ? { region } : {}) },
          { parent: this },
        ),
    );
    this.registerOutputs({ analyzers: this.analyzers });
  }
}
