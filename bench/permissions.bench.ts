/**
 * The permissions review of one large account against fakeAws on 127.0.0.1 (0 ms latency, real
 * SDK v3): 5,000 users, 2,000 roles, 1,000 customer managed policies, 50 groups. This project's
 * read (one paged GetAccountAuthorizationDetails, ListServerCertificates, ListOrganizationsFeatures,
 * ListAnalyzers) plus the nine permission policies' evaluation, in a child process so its peak RSS
 * is its own (the fake runs here); then a per-principal read as a Prowler-like scanner makes it
 * (per user: attached, inline, each inline document, groups; per group and role: attached, inline,
 * each document; per policy: the default version), counted against the same account. Prints calls,
 * pages, wall time, peak RSS and the ratios; asserts nothing.
 */
import { spawn } from "child_process";
import * as path from "path";
import { applySafeEnv, safeEnv } from "../tools/safeEnv";
import type { UserSpec } from "../tests/support/credentialReport";
import { FakeAws } from "../tests/support/fakeAws";
import type { FakeAccount } from "../tests/support/fakeAwsIam";
import {
  ADMINISTRATOR_ACCESS,
  CLOUDSHELL_FULL_ACCESS,
  customerPolicy,
  mfaAdminGroup,
  PermissionsSpec,
  readOnly,
  SUPPORT_ACCESS,
  trustAccount,
  trustService,
} from "../tests/support/permissionSpec";

applySafeEnv();
const KEY = "AKIAIOSFODNN7EXAMPLE";
const NOW = "2026-11-20T12:00:00Z";
const sizes = { users: 5000, roles: 2000, policies: 1000, groups: 50 };

function account(): FakeAccount {
  const groups: Record<string, object> = { Administrators: mfaAdminGroup };
  for (let g = 1; g < sizes.groups; g++)
    groups[`team-${g}`] = {
      attached: [customerPolicy(`policy-${g}`)],
      inline: { extra: readOnly(`svc${g}:Get*`) },
    };
  const users: Record<string, { groups: string[]; attached?: string[]; inline?: Record<string, object> }> =
    {};
  const report: UserSpec[] = [];
  for (let i = 0; i < sizes.users; i++) {
    const name = `user${String(i).padStart(4, "0")}`;
    users[name] = {
      groups: [i % 100 === 0 ? "Administrators" : `team-${1 + (i % (sizes.groups - 1))}`],
      ...(i % 10 === 3 ? { attached: [customerPolicy(`policy-${i % sizes.policies}`)] } : {}),
      ...(i % 10 === 7 ? { inline: { own: readOnly("s3:GetObject") } } : {}),
    };
    report.push({
      name,
      createdAt: "2025-01-10T09:00:00+00:00",
      password: { lastUsed: "2026-11-19T09:00:00+00:00", lastChanged: "2026-10-01T09:00:00+00:00" },
      mfa: i % 50 !== 0,
    });
  }
  const roles: Record<string, { attached: string[]; trust: object; inline?: Record<string, object> }> = {
    Support: { attached: [SUPPORT_ACCESS], trust: trustAccount(true) },
  };
  for (let r = 1; r < sizes.roles; r++) {
    roles[`role-${r}`] = {
      attached: [
        r % 200 === 0
          ? ADMINISTRATOR_ACCESS
          : r % 300 === 0
            ? CLOUDSHELL_FULL_ACCESS
            : customerPolicy(`policy-${r % sizes.policies}`),
      ],
      trust: r % 2 === 0 ? trustService("lambda.amazonaws.com") : trustAccount(r % 3 !== 0),
      ...(r % 5 === 0 ? { inline: { own: readOnly("dynamodb:Query") } } : {}),
    };
  }
  const policies: Record<string, object> = {};
  for (let p = 0; p < sizes.policies; p++) {
    policies[`policy-${p}`] =
      p % 250 === 0
        ? { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }
        : {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Action: [`svc${p}:Get*`, `svc${p}:List*`],
                Resource: `arn:aws:svc${p}:::thing/*`,
              },
            ],
          };
  }
  const permissions: PermissionsSpec = {
    users,
    groups,
    roles,
    policies,
    serverCertificates: [{ name: "www", expiration: "2027-01-01T00:00:00Z" }],
    analyzers: { "us-east-1": [{ name: "external", type: "ACCOUNT", status: "ACTIVE" }] },
    organizationsFeatures: "not-management",
  };
  return { accountId: "123456789012", users: report, permissions, now: new Date(NOW) };
}

/** The child: this project's read of the permissions half, then the nine policies; prints JSON. */
async function child(endpoint: string): Promise<void> {
  const { IAMClient } = await import("@aws-sdk/client-iam");
  const iamSdk = await import("@aws-sdk/client-iam");
  const { readPermissionFacts } = await import("../policy-pack/account/permissions/readSnapshot");
  const { baseClientConfig } = await import("../policy-pack/account/readApi");
  const { evaluate, defaultRuleSettings } = await import("../policy-pack/account/findings");
  const { permissionPolicyNames } = await import("../policy-pack/controls");
  const { factsFromReport } = await import("../policy-pack/account/readCsv");
  const { credentialReportCsv } = await import("../tests/support/credentialReport");
  const a = account();
  const report = factsFromReport(credentialReportCsv(a.accountId, {}, a.users ?? []));
  const config = baseClientConfig({ endpoint, region: "us-east-1" });
  const iam = new IAMClient(config);
  const t0 = performance.now();
  const permissions = await readPermissionFacts(iam, iamSdk, config, {});
  const t1 = performance.now();
  const findings = evaluate(
    { ...report, ...permissions, source: "aws" },
    defaultRuleSettings,
    new Date(NOW),
    permissionPolicyNames,
  );
  const t2 = performance.now();
  iam.destroy();
  const failing: Record<string, number> = {};
  for (const f of findings)
    failing[`${f.policy} ${f.status}`] = (failing[`${f.policy} ${f.status}`] ?? 0) + 1;
  process.stdout.write(
    JSON.stringify({
      readMs: t1 - t0,
      evalMs: t2 - t1,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      failing,
    }),
  );
}

/** A Prowler-like read of the same facts: list every principal, then its policies one call at a time. */
async function perPrincipal(endpoint: string): Promise<void> {
  const sdk = await import("@aws-sdk/client-iam");
  const pLimit = (await import("p-limit")).default;
  const iam = new sdk.IAMClient({ endpoint, region: "us-east-1" });
  const limit = pLimit(10);
  const all = async <T>(page: (marker?: string) => Promise<{ items: T[]; marker?: string }>) => {
    const out: T[] = [];
    let marker: string | undefined;
    do {
      const p = await page(marker);
      out.push(...p.items);
      marker = p.marker;
    } while (marker);
    return out;
  };
  const users = await all(async (Marker) => {
    const o = await iam.send(new sdk.ListUsersCommand({ Marker, MaxItems: 1000 }));
    return {
      items: (o.Users ?? []).map((u) => u.UserName ?? ""),
      marker: o.IsTruncated ? o.Marker : undefined,
    };
  });
  const groups = await all(async (Marker) => {
    const o = await iam.send(new sdk.ListGroupsCommand({ Marker, MaxItems: 1000 }));
    return {
      items: (o.Groups ?? []).map((g) => g.GroupName ?? ""),
      marker: o.IsTruncated ? o.Marker : undefined,
    };
  });
  const roles = await all(async (Marker) => {
    const o = await iam.send(new sdk.ListRolesCommand({ Marker, MaxItems: 1000 }));
    return {
      items: (o.Roles ?? []).map((r) => r.RoleName ?? ""),
      marker: o.IsTruncated ? o.Marker : undefined,
    };
  });
  const policies = await all(async (Marker) => {
    const o = await iam.send(new sdk.ListPoliciesCommand({ Marker, MaxItems: 1000, Scope: "Local" }));
    return {
      items: (o.Policies ?? []).map((p) => p.Arn ?? ""),
      marker: o.IsTruncated ? o.Marker : undefined,
    };
  });
  const call = <T>(f: () => Promise<T>) => limit(f);
  /** One principal's own policies: its attached list, any `more` calls, its inline names, then each inline document. */
  const ownPolicies = async (
    listAttached: () => Promise<unknown>,
    listInline: () => Promise<{ PolicyNames?: string[] }>,
    getInline: (PolicyName: string) => Promise<unknown>,
    more: (() => Promise<unknown>)[] = [],
  ) => {
    await call(listAttached);
    for (const m of more) await call(m);
    for (const PolicyName of (await call(listInline)).PolicyNames ?? [])
      await call(() => getInline(PolicyName));
  };
  await Promise.all([
    ...users.map((UserName) =>
      ownPolicies(
        () => iam.send(new sdk.ListAttachedUserPoliciesCommand({ UserName })),
        () => iam.send(new sdk.ListUserPoliciesCommand({ UserName })),
        (PolicyName) => iam.send(new sdk.GetUserPolicyCommand({ UserName, PolicyName })),
        [() => iam.send(new sdk.ListGroupsForUserCommand({ UserName }))],
      ),
    ),
    ...groups.map((GroupName) =>
      ownPolicies(
        () => iam.send(new sdk.ListAttachedGroupPoliciesCommand({ GroupName })),
        () => iam.send(new sdk.ListGroupPoliciesCommand({ GroupName })),
        (PolicyName) => iam.send(new sdk.GetGroupPolicyCommand({ GroupName, PolicyName })),
      ),
    ),
    ...roles.map((RoleName) =>
      ownPolicies(
        () => iam.send(new sdk.ListAttachedRolePoliciesCommand({ RoleName })),
        () => iam.send(new sdk.ListRolePoliciesCommand({ RoleName })),
        (PolicyName) => iam.send(new sdk.GetRolePolicyCommand({ RoleName, PolicyName })),
      ),
    ),
    ...policies.map((PolicyArn) =>
      call(() => iam.send(new sdk.GetPolicyVersionCommand({ PolicyArn, VersionId: "v1" }))),
    ),
  ]);
  iam.destroy();
}

/** Runs this file as the child (async: the fake in this process must keep answering). */
function runChild(url: string): Promise<Ours> {
  return new Promise((resolve, reject) => {
    const prof = process.env.BENCH_CPU_PROF
      ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF]
      : [];
    const c = spawn(
      process.execPath,
      [...prof, "-r", "ts-node/register/transpile-only", __filename, "--child", url],
      {
        env: safeEnv(),
        cwd: path.join(__dirname, ".."),
      },
    );
    let out = "";
    let err = "";
    c.stdout.on("data", (d: Buffer) => (out += d.toString()));
    c.stderr.on("data", (d: Buffer) => (err += d.toString()));
    c.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as Ours) : reject(new Error(err))));
  });
}

interface Ours {
  readonly readMs: number;
  readonly evalMs: number;
  readonly maxRssMb: number;
  readonly failing: Record<string, number>;
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const fake = await FakeAws.start();
  try {
    fake.addAccount(KEY, account());
    const ours = await runChild(fake.url);
    const ourCalls = fake.counts(KEY);
    const ourTotal = fake.total(KEY);
    fake.addAccount(KEY, account());
    const t0 = performance.now();
    await perPrincipal(fake.url);
    const theirMs = performance.now() - t0;
    const theirTotal = fake.total(KEY);
    const ms = ours.readMs + ours.evalMs;
    console.log(
      `account: ${sizes.users} users, ${sizes.roles} roles, ${sizes.policies} customer policies, ${sizes.groups} groups (0 ms latency)`,
    );
    console.log(`this project: ${ourTotal} calls = pages ${JSON.stringify(ourCalls)}`);
    console.log(
      `  snapshot read ${ours.readMs.toFixed(0)} ms + evaluation ${ours.evalMs.toFixed(0)} ms = ${ms.toFixed(0)} ms (target < 2,000 ms); peak RSS ${ours.maxRssMb.toFixed(1)} MB (target < 300 MB)`,
    );
    console.log(`  findings: ${JSON.stringify(ours.failing)}`);
    console.log(
      `per-principal approach: ${theirTotal} calls, ${theirMs.toFixed(0)} ms (10 in flight; without the policy evaluation)`,
    );
    console.log(
      `ratio: ${(theirTotal / ourTotal).toFixed(0)}x the calls, ${(theirMs / ms).toFixed(1)}x the time`,
    );
  } finally {
    await fake.stop();
  }
}

if (process.argv[2] === "--child") {
  child(process.argv[3]).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
