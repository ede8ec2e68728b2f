/**
 * A compliant stack as the baseline components declare it (outputs, as AnalyzeStack sees them):
 * an Administrators group with AdministratorAccess and a force-MFA inline policy, one admin user
 * in it with a login profile, and the three alternate contacts. Tests change one thing at a time.
 */
import { forceMfaPolicyDocument } from "../../../components/mfaPolicy";
import { awsTypes } from "../../../policy-pack/resources/types";
import { TestResource } from "../../support/policyHarness";

export const adminArn = "arn:aws:iam::aws:policy/AdministratorAccess";

/** The component's own force-MFA document, so the pack is tested on exactly what the baseline deploys. */
export const forceMfaDocument = forceMfaPolicyDocument();

export const starStarDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

export function res(type: string, name: string, props: Record<string, unknown>): TestResource {
  return { type, name, props };
}

export function contacts(accountId?: string): TestResource[] {
  return ["BILLING", "OPERATIONS", "SECURITY"].map((t) =>
    res(awsTypes.alternativeContact, `contact-${t.toLowerCase()}${accountId ? `-${accountId}` : ""}`, {
      alternateContactType: t,
      emailAddress: `${t.toLowerCase()}@example.com`,
      name: "Ops",
      title: "Team",
      phoneNumber: "+1 555 0100",
      ...(accountId ? { accountId } : {}),
    }),
  );
}

export function baselineStack(): TestResource[] {
  return [
    res(awsTypes.group, "admins-group", {
      name: "Administrators",
      id: "Administrators",
      arn: "arn:aws:iam::123456789012:group/Administrators",
    }),
    res(awsTypes.groupPolicyAttachment, "admins-admin", { group: "Administrators", policyArn: adminArn }),
    res(awsTypes.groupPolicy, "admins-mfa", {
      group: "Administrators",
      name: "ForceMFA",
      policy: JSON.stringify(forceMfaDocument),
    }),
    res(awsTypes.user, "admins-alice", {
      name: "alice",
      id: "alice",
      arn: "arn:aws:iam::123456789012:user/alice",
    }),
    res(awsTypes.userGroupMembership, "admins-alice-membership", {
      user: "alice",
      groups: ["Administrators"],
    }),
    res(awsTypes.userLoginProfile, "admins-alice-login", {
      user: "alice",
      passwordResetRequired: true,
      pgpKey: "keybase:alice",
    }),
    ...contacts(),
  ];
}
