/** What a reviewer does about unused-service-permissions, and the AWS page that says how. */
import type { Guidance } from "../guidance";

export const lastAccessedGuidance: Guidance = {
  url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html",
  remediationSteps:
    "IAM console > Users, Groups or Roles > the principal > Last Accessed: confirm the services listed are not needed (seasonal jobs, break-glass roles), then remove them from the principal's policies or replace a broad policy with one that names only the services it uses (IAM Access Analyzer can generate one from CloudTrail).",
};
