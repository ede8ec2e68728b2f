/**
 * Who can do what in one account, as read once per account: IAM's authorization snapshot
 * (GetAccountAuthorizationDetails: users with their groups and policies, groups, roles with their
 * trust policies, managed policies with their default version), the stored server certificates,
 * the Access Analyzer analyzers of each region checked, and Organizations' centralized root access
 * features. Policy documents are decoded and parsed once, when read; only their statements are kept.
 */
import type { Statement } from "../../iam/policyDocument";
import type { Fact } from "../facts";

export interface AttachedPolicy {
  readonly name: string;
  readonly arn: string;
}

export interface InlinePolicy {
  readonly name: string;
  readonly statements: readonly Statement[];
}

interface PrincipalDetail {
  /** As AWS names it: UserName, GroupName, RoleName. */
  readonly name: string;
  readonly arn: string;
  readonly attached: readonly AttachedPolicy[];
  readonly inline: readonly InlinePolicy[];
}

export interface SnapshotUser extends PrincipalDetail {
  /** Group names. */
  readonly groups: readonly string[];
}

export type SnapshotGroup = PrincipalDetail;

/** Who a trust policy statement names (`Principal`). */
export interface TrustPrincipals {
  /** `"*"` or `{"AWS": "*"}`: anyone. */
  readonly anyone: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
}

export interface TrustStatement extends Statement {
  readonly principals: TrustPrincipals;
}

export interface SnapshotRole extends PrincipalDetail {
  readonly path: string;
  readonly trust: readonly TrustStatement[];
}

export interface ManagedPolicy {
  readonly name: string;
  readonly arn: string;
  /** An AWS managed policy (`arn:aws:iam::aws:policy/...`), not a customer managed one. */
  readonly awsManaged: boolean;
  readonly attachmentCount: number;
  /** The statements of the default version. */
  readonly statements: readonly Statement[];
}

export interface AuthorizationSnapshot {
  readonly users: readonly SnapshotUser[];
  readonly groups: readonly SnapshotGroup[];
  readonly roles: readonly SnapshotRole[];
  /** By ARN. */
  readonly policies: ReadonlyMap<string, ManagedPolicy>;
}

export interface ServerCertificate {
  readonly name: string;
  readonly arn: string;
  readonly expiration: Date | null;
}

export interface Analyzer {
  readonly name: string;
  /** ACCOUNT, ORGANIZATION (external access), ACCOUNT_UNUSED_ACCESS, ... */
  readonly type: string;
  /** ACTIVE, CREATING, DISABLED, FAILED. */
  readonly status: string;
}

/** Centralized root access: `applies` false on an account that is no management account. */
export type OrganizationsFeatures =
  | { readonly applies: false; readonly why: string }
  | {
      readonly applies: true;
      readonly organizationId: string | null;
      readonly enabled: readonly string[];
      /** Why nothing could be enabled (trusted access for IAM off), when that is the case. */
      readonly note?: string;
    };

/** The permission half of an account's facts; each part read (and failing) on its own. */
export interface PermissionFacts {
  readonly authorization: Fact<AuthorizationSnapshot>;
  readonly serverCertificates: Fact<readonly ServerCertificate[]>;
  /** Per region checked. */
  readonly analyzers: Readonly<Record<string, Fact<readonly Analyzer[]>>>;
  readonly organizationsFeatures: Fact<OrganizationsFeatures>;
}
