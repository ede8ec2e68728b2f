/**
 * The account-wide services of the permissions review: stored server certificates (CIS v5 1.18),
 * Access Analyzer per region checked (CIS v5 1.19) and Organizations' centralized root access
 * (CIS v7 2.1.1, on a management account only).
 */
import { isAvailable } from "../facts";
import { ACCOUNT_SUBJECT, fail, notEvaluated } from "../finding";
import { ageInDays, isoSeconds } from "../time";
import { days, Rule } from "./context";

export const noExpiredServerCertificates: Rule = (facts, _settings, now) => {
  const policy = "no-expired-server-certificates";
  const certs = facts.serverCertificates;
  if (!isAvailable(certs)) return [notEvaluated(policy, ACCOUNT_SUBJECT, certs.unavailable)];
  return certs.value
    .filter((c) => c.expiration !== null && c.expiration.getTime() < now.getTime())
    .map((c) =>
      fail(
        policy,
        c.name,
        `server certificate ${c.name}: expired ${isoSeconds(c.expiration!)} (${days(ageInDays(now, c.expiration!))} ago); delete expired certificates from IAM`,
      ),
    );
};

const externalAccess = new Set(["ACCOUNT", "ORGANIZATION"]);

export const accessAnalyzerEnabled: Rule = (facts, settings) => {
  const policy = "access-analyzer-enabled";
  const configured = settings.thresholds[policy].regions;
  const regions = configured.length > 0 ? configured : Object.keys(facts.analyzers);
  if (regions.length === 0) {
    return [
      notEvaluated(
        policy,
        ACCOUNT_SUBJECT,
        "no region's analyzers were read (access-analyzer:ListAnalyzers)",
      ),
    ];
  }
  return regions.flatMap((region) => {
    const f = facts.analyzers[region];
    if (!f)
      return [notEvaluated(policy, region, `region ${region} was not read (access-analyzer:ListAnalyzers)`)];
    // The read names the call; with several regions the message also says which one.
    if (!isAvailable(f)) {
      return [
        notEvaluated(
          policy,
          region,
          regions.length > 1 ? `region ${region}: ${f.unavailable}` : f.unavailable,
        ),
      ];
    }
    if (f.value.some((a) => externalAccess.has(a.type) && a.status === "ACTIVE")) return [];
    const found = f.value.map((a) => `${a.name} (${a.type}, ${a.status})`);
    return [
      fail(
        policy,
        region,
        `region ${region}: no active external access analyzer (${found.length > 0 ? `found ${found.join(", ")}` : "none"}); create one of type ACCOUNT or ORGANIZATION`,
      ),
    ];
  });
};

const rootFeatures = ["RootCredentialsManagement", "RootSessions"];

export const centralizedRootAccessEnabled: Rule = (facts) => {
  const policy = "centralized-root-access-enabled";
  const f = facts.organizationsFeatures;
  if (!isAvailable(f)) return [notEvaluated(policy, ACCOUNT_SUBJECT, f.unavailable)];
  if (!f.value.applies) return [];
  const enabled = f.value.enabled;
  const missing = rootFeatures.filter((x) => !enabled.includes(x));
  if (missing.length === 0) return [];
  const subject = f.value.organizationId ?? ACCOUNT_SUBJECT;
  const note = f.value.note ? ` (${f.value.note})` : "";
  return [
    fail(
      policy,
      subject,
      `organization ${f.value.organizationId ?? `of account ${facts.accountId ?? "(unknown)"}`}: ${missing.join(" and ")} not enabled${note}; enable both so member accounts run without root credentials`,
    ),
  ];
};
