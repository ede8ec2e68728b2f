/**
 * console-users-no-access-keys: a user who signs in to the console (has a login profile) gets no
 * access keys; people use the console with MFA, programs use roles or separate users.
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { ofType, refString, userName } from "./iamModel";
import { policyMeta } from "./meta";
import { decideEach } from "./preview";
import { awsTypes } from "./types";

export const consoleUsersNoAccessKeys: StackValidationPolicy = {
  ...policyMeta("console-users-no-access-keys", "Users with a console password have no access keys.", {
    enforcementLevel: "mandatory",
    remediationSteps:
      "Remove the aws.iam.AccessKey of each console user; give programs an IAM role (or a separate user " +
      "without a console password). Console: IAM > Users > user > Security credentials > Access keys > Delete.",
    url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
  }),
  validateStack: (args, reportViolation) => {
    const consoleUsers = new Map<string, string>();
    decideEach(ofType(args.resources, awsTypes.userLoginProfile), (p) => {
      const ref = refString(p.props.user);
      if (ref !== undefined) consoleUsers.set(userName(args.resources, ref), p.name);
    });
    decideEach(ofType(args.resources, awsTypes.accessKey), (key) => {
      const ref = refString(key.props.user);
      if (ref === undefined) return;
      const user = userName(args.resources, ref);
      const profile = consoleUsers.get(user);
      if (profile === undefined) return;
      const status = typeof key.props.status === "string" ? key.props.status : "Active";
      reportViolation(
        `user "${user}" has console access (login profile "${profile}") and an ${status} access key "${key.name}"; ` +
          `users with console access must have no access keys`,
        key.urn,
      );
    });
  },
};
