/**
 * Who can do what in a test account, written the way people write IAM: policy documents as JSON
 * objects, managed policies by ARN. fakeAws answers GetAccountAuthorizationDetails and the other
 * permission reads from it (fakeAwsPermissions.ts); rule tests turn it into a snapshot with the
 * production document parser (permissionFacts.ts).
 */
import { forceMfaPolicyDocument } from "../../components/mfaPolicy";

export interface PrincipalSpec {
  /** Managed policy ARNs. */
  readonly attached?: readonly string[];
  /** Inline policies by name. */
  readonly inline?: Readonly<Record<string, object>>;
}

export interface PermissionsSpec {
  /** Users of GetAccountAuthorizationDetails by name (fakeAws adds every credential-report user). */
  readonly users?: Readonly<Record<string, PrincipalSpec & { readonly groups?: readonly string[] }>>;
  readonly groups?: Readonly<Record<string, PrincipalSpec>>;
  readonly roles?: Readonly<
    Record<string, PrincipalSpec & { readonly trust: object; readonly path?: string }>
  >;
  /** Customer managed policies by name: the default version's document. */
  readonly policies?: Readonly<Record<string, object>>;
  readonly serverCertificates?: readonly { readonly name: string; readonly expiration: string }[];
  /** ListAnalyzers per region (by the request's SigV4 region); a region not listed has none. */
  readonly analyzers?: Readonly<Record<string, readonly { name: string; type: string; status: string }[]>>;
  /** ListOrganizationsFeatures: the enabled features, or the error a non-management account gets. */
  readonly organizationsFeatures?:
    readonly string[] | "not-management" | "no-organization" | "no-trusted-access";
}

export const ACCOUNT = "123456789012";
/** A policy document as IAM's read APIs return it: URL-encoded JSON. */
export const encodeDocument = (doc: object) => encodeURIComponent(JSON.stringify(doc));
/** The last path segment of an ARN: a managed policy's name. */
export const nameOfArn = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);
export const awsPolicy = (name: string) => `arn:aws:iam::aws:policy/${name}`;
export const customerPolicy = (name: string, account = ACCOUNT) => `arn:aws:iam::${account}:policy/${name}`;
export const ADMINISTRATOR_ACCESS = awsPolicy("AdministratorAccess");
export const SUPPORT_ACCESS = awsPolicy("AWSSupportAccess");
export const CLOUDSHELL_FULL_ACCESS = awsPolicy("AWSCloudShellFullAccess");

export const allowAll = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};
export const readOnly = (action = "s3:GetObject") => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: [action], Resource: "*" }],
});

/** The documents of the AWS managed policies tests attach (as IAM lists them when attached). */
export const awsManagedDocuments: Readonly<Record<string, object>> = {
  [ADMINISTRATOR_ACCESS]: allowAll,
  [SUPPORT_ACCESS]: readOnly("support:*"),
  [CLOUDSHELL_FULL_ACCESS]: readOnly("cloudshell:*"),
  [awsPolicy("ReadOnlyAccess")]: readOnly("s3:Get*"),
};

/** A trust policy letting principals of `account` assume the role, with MFA unless `mfa` is false. */
export const trustAccount = (mfa = true, account = ACCOUNT) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: "sts:AssumeRole",
      ...(mfa ? { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } } : {}),
    },
  ],
});

export const trustService = (service: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
});

/** The project's Administrators group: AdministratorAccess behind the component's force-MFA Deny. */
export const mfaAdminGroup: PrincipalSpec = {
  attached: [ADMINISTRATOR_ACCESS],
  inline: { ForceMFA: forceMfaPolicyDocument() },
};

/** A good account: admins in an MFA-enforcing group, a support role, an analyzer in us-east-1. */
export const goodPermissions: PermissionsSpec = {
  users: { alice: { groups: ["Administrators"] } },
  groups: { Administrators: mfaAdminGroup },
  roles: {
    Support: { attached: [SUPPORT_ACCESS], trust: trustAccount(true) },
    AWSServiceRoleForSupport: {
      attached: [awsPolicy("AWSSupportServiceRolePolicy")],
      trust: trustService("support.amazonaws.com"),
      path: "/aws-service-role/support.amazonaws.com/",
    },
  },
  policies: { "deploy-s3": readOnly("s3:PutObject") },
  analyzers: { "us-east-1": [{ name: "external", type: "ACCOUNT", status: "ACTIVE" }] },
  organizationsFeatures: "not-management",
};
