/**
 * The stack's aws providers may pin the accounts they deploy to (`allowedAccountIds`,
 * `forbiddenAccountIds`). The account policies read the account of the pack's ambient
 * credentials, so when those name another account, the policies say so instead of judging it.
 */
import type { PolicyResource } from "@pulumi/policy";

const awsProviderType = "pulumi:providers:aws";

/** Provider inputs arrive as arrays, or JSON-encoded as the engine passes provider config. */
function ids(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string" && value.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed.map(String) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function awsProviders(resources: readonly PolicyResource[]): Record<string, unknown>[] {
  const byUrn = new Map<string, Record<string, unknown>>();
  for (const r of resources) {
    if (r.type === awsProviderType) byUrn.set(r.urn, r.props);
    if (r.provider?.type === awsProviderType) byUrn.set(r.provider.urn, r.provider.props);
  }
  return [...byUrn.values()];
}

/**
 * Why `accountId` is not an account this stack deploys to, or undefined when it is (or nothing
 * is pinned). An account any aws provider allows (and none forbids) is the stack's.
 */
export function accountPinConflict(
  resources: readonly PolicyResource[],
  accountId: string,
): string | undefined {
  const providers = awsProviders(resources);
  const forbidden = providers.flatMap((p) => ids(p.forbiddenAccountIds) ?? []);
  if (forbidden.includes(accountId)) {
    return `the credentials running this preview are for account ${accountId}, which the stack's aws provider forbids (forbiddenAccountIds); the live account checks did not run against it`;
  }
  const allowed = providers.map((p) => ids(p.allowedAccountIds)).filter((a) => a !== undefined);
  if (allowed.length === 0 || allowed.some((a) => a.includes(accountId))) return undefined;
  const pinned = [...new Set(allowed.flat())].join(", ");
  return `the credentials running this preview are for account ${accountId}, but the stack's aws provider allows only ${pinned} (allowedAccountIds); run the preview with credentials for that account; the live account checks did not judge ${accountId}`;
}
