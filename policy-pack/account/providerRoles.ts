/**
 * What the stack's aws providers say about the account they deploy to: the roles they assume
 * (`assumeRoles` in pulumi-aws v7, or the legacy single `assumeRole`) and their `region`. The
 * engine passes provider inputs as values or JSON-encoded strings (the explicit `aws.Provider`
 * encodes lists and objects; the default provider's come from stack config `aws:*`), so both
 * are read.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { RoleToAssume } from "./assumeRole";

/** A value as given, or parsed when it arrives JSON-encoded. */
export function decoded(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const t = value.trim();
  if (!t.startsWith("[") && !t.startsWith("{")) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const strings = (v: unknown): string[] | undefined => {
  const d = decoded(v);
  return Array.isArray(d) && d.every((x) => typeof x === "string") ? d : undefined;
};

/** A Go duration as the provider takes it ("1h", "15m", "1h30m", "900s") in whole seconds. */
export function durationSeconds(text: unknown): number | undefined {
  if (typeof text === "number" && Number.isFinite(text)) return Math.floor(text);
  if (typeof text !== "string" || !/^(\d+(\.\d+)?(h|m|s))+$/.test(text)) return undefined;
  const unit = { h: 3600, m: 60, s: 1 } as const;
  let total = 0;
  for (const [, n, , u] of text.matchAll(/(\d+(\.\d+)?)(h|m|s)/g))
    total += Number(n) * unit[u as keyof typeof unit];
  return Math.floor(total);
}

function role(entry: unknown): RoleToAssume | undefined {
  const e = decoded(entry);
  if (typeof e !== "object" || e === null || Array.isArray(e)) return undefined;
  const r = e as Record<string, unknown>;
  const roleArn = str(r.roleArn);
  if (!roleArn) return undefined;
  const tags = decoded(r.tags);
  return {
    roleArn,
    sessionName: str(r.sessionName),
    externalId: str(r.externalId),
    durationSeconds: durationSeconds(r.duration) ?? durationSeconds(r.durationSeconds),
    policy: str(r.policy),
    policyArns: strings(r.policyArns),
    sourceIdentity: str(r.sourceIdentity),
    tags:
      typeof tags === "object" && tags !== null && !Array.isArray(tags)
        ? (tags as Record<string, string>)
        : undefined,
    transitiveTagKeys: strings(r.transitiveTagKeys),
  };
}

/** The roles a provider assumes, in chain order; empty when it uses its credentials as they are. */
export function providerRoles(props: Readonly<Record<string, unknown>>): RoleToAssume[] {
  const list = decoded(props.assumeRoles);
  if (Array.isArray(list) && list.length > 0) {
    return list.map(role).filter((r): r is RoleToAssume => r !== undefined);
  }
  const single = role(props.assumeRole);
  return single ? [single] : [];
}

export function providerRegion(props: Readonly<Record<string, unknown>>): string | undefined {
  return str(props.region);
}

const awsProviderType = "pulumi:providers:aws";

/** The inputs of every aws provider of the stack: provider resources and the providers resources name. */
export function awsProviders(resources: readonly PolicyResource[]): Record<string, unknown>[] {
  const byUrn = new Map<string, Record<string, unknown>>();
  for (const r of resources) {
    if (r.type === awsProviderType) byUrn.set(r.urn, r.props);
    if (r.provider?.type === awsProviderType) byUrn.set(r.provider.urn, r.provider.props);
  }
  return [...byUrn.values()];
}

/** An account the stack deploys to: reached through `roles` (none: the ambient credentials). */
export interface StackTarget {
  readonly roles: readonly RoleToAssume[];
  /** The first such provider's region: where STS is called. */
  readonly region?: string;
  /** The inputs of the providers that reach it (for their allowed/forbidden account ids). */
  readonly providers: readonly Record<string, unknown>[];
}

/**
 * The accounts the stack's aws providers deploy to, one per distinct role chain (providers that
 * differ only by region reach the same account); the ambient account when there is no provider.
 */
export function stackTargets(providers: readonly Record<string, unknown>[]): StackTarget[] {
  const groups = new Map<
    string,
    { roles: RoleToAssume[]; region?: string; providers: Record<string, unknown>[] }
  >();
  for (const p of providers) {
    const roles = providerRoles(p);
    const key = JSON.stringify(roles);
    const g = groups.get(key) ?? { roles, region: providerRegion(p), providers: [] };
    g.providers.push(p);
    groups.set(key, g);
  }
  return groups.size === 0 ? [{ roles: [], providers: [] }] : [...groups.values()];
}
