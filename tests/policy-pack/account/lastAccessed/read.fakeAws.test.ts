/**
 * The service last-accessed read with the real SDK v3 (Query-protocol XML, error codes, its
 * retries) against fakeAws on 127.0.0.1: job polling, pages, failed jobs, refusals, the polling
 * bound, throttling and the bound on calls in flight.
 */
import * as assert from "assert";
import { Call, PrincipalUse } from "../../../../policy-pack/account/lastAccessed/job";
import { Principal } from "../../../../policy-pack/account/lastAccessed/principal";
import { readLastAccessed } from "../../../../policy-pack/account/lastAccessed/read";
import { startDeadline } from "../../../../policy-pack/account/deadline";
import { errors, FakeAccount } from "../../../support/fakeAws";
import { useFakeAws } from "../../../support/useFakeAws";
import { PrincipalJobSpec } from "../../../support/fakeAwsLastAccessed";

const KEY = "AKIAIOSFODNN7EXAMPLE";
const ACCOUNT = "123456789012";
const now = new Date("2026-11-20T12:00:00Z");

const principal = (kind: Principal["kind"], name: string): Principal => ({
  kind,
  name,
  arn: `arn:aws:iam::${ACCOUNT}:${kind}/${name}`,
});
const deploy = principal("role", "deploy");
const admins = principal("group", "Administrators");
const alice = principal("user", "alice");

const used: PrincipalJobSpec = {
  services: [
    { namespace: "s3", name: "Amazon S3", lastAuthenticated: "2026-11-01T10:00:00Z" },
    { namespace: "ec2", name: "Amazon EC2" },
  ],
};

function account(lastAccessed: FakeAccount["lastAccessed"], extra: Partial<FakeAccount> = {}): FakeAccount {
  return { accountId: ACCOUNT, now, lastAccessed, ...extra };
}

const services = (u: PrincipalUse | undefined) => (u && "services" in u ? u.services : undefined);

describe("readLastAccessed with the real SDK against fakeAws", function () {
  this.timeout(30_000);
  const fakeAws = useFakeAws();
  const pauses: number[] = [];
  beforeEach(() => {
    pauses.length = 0;
  });
  const read = (principals: readonly Principal[], extra: Parameters<typeof readLastAccessed>[1] = {}) =>
    readLastAccessed(principals, {
      clientConfig: { endpoint: fakeAws().url },
      initialPollMs: 10,
      sleep: async (ms) => {
        pauses.push(ms);
      },
      ...extra,
    });

  it("waits out a job (IN_PROGRESS twice, then COMPLETED) and reads each service as IAM answers it", async () => {
    fakeAws().addAccount(KEY, account({ principals: { [deploy.arn]: { ...used, pollsBeforeComplete: 2 } } }));
    const out = await read([deploy]);
    assert.ok("value" in out, JSON.stringify(out));
    assert.deepStrictEqual(services(out.value[0]), [
      {
        namespace: "s3",
        name: "Amazon S3",
        lastAuthenticated: new Date("2026-11-01T10:00:00Z"),
        totalAuthenticatedEntities: 1,
      },
      { namespace: "ec2", name: "Amazon EC2", lastAuthenticated: null, totalAuthenticatedEntities: 0 },
    ]);
    assert.deepStrictEqual(fakeAws().counts(KEY), {
      GenerateServiceLastAccessedDetails: 1,
      GetServiceLastAccessedDetails: 3,
    });
    assert.deepStrictEqual(pauses, [10, 20]);
  });

  it("reads every page (Marker) of a long list", async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ namespace: `svc${i}` }));
    fakeAws().addAccount(KEY, account({ principals: { [admins.arn]: { services: many } }, pageSize: 2 }));
    const out = await read([admins]);
    assert.ok("value" in out);
    assert.deepStrictEqual(
      services(out.value[0])?.map((s) => s.namespace),
      many.map((s) => s.namespace),
    );
    assert.strictEqual(fakeAws().counts(KEY).GetServiceLastAccessedDetails, 3);
  });

  it("a job that FAILED leaves that principal unavailable, naming the permission and IAM's reason; the others are read", async () => {
    fakeAws().addAccount(
      KEY,
      account({
        principals: {
          [deploy.arn]: { services: [], failJob: { code: "InternalError", message: "job could not run" } },
          [alice.arn]: used,
        },
      }),
    );
    const out = await read([deploy, alice]);
    assert.ok("value" in out);
    assert.deepStrictEqual(out.value[0], {
      principal: deploy,
      unavailable:
        "role deploy: IAM's last-accessed job failed (InternalError: job could not run; iam:GetServiceLastAccessedDetails)",
    });
    assert.strictEqual(services(out.value[1])?.length, 2);
  });

  it("access denied: the whole read is unavailable, naming the permission, and no further jobs are started", async () => {
    const many = Array.from({ length: 30 }, (_, i) => principal("role", `r${i}`));
    fakeAws().addAccount(
      KEY,
      account(
        { otherPrincipals: used },
        {
          failAlways: {
            GenerateServiceLastAccessedDetails: errors.accessDenied("GenerateServiceLastAccessedDetails"),
          },
        },
      ),
    );
    const out = await read(many, { concurrency: 3 });
    assert.deepStrictEqual(out, {
      unavailable:
        "iam:GenerateServiceLastAccessedDetails was denied (AccessDenied); grant iam:GenerateServiceLastAccessedDetails to the credentials running the check",
    });
    assert.ok(
      fakeAws().counts(KEY).GenerateServiceLastAccessedDetails <= 3,
      JSON.stringify(fakeAws().counts(KEY)),
    );
  });

  it("an endpoint that does not implement the calls: unavailable, saying so and naming the call", async () => {
    fakeAws().addAccount(KEY, account(undefined));
    const out = await read([deploy, alice]);
    assert.ok("unavailable" in out);
    assert.match(
      out.unavailable,
      /^iam:GenerateServiceLastAccessedDetails is not implemented by this endpoint \(InvalidAction\)/,
    );
  });

  it("a job that never completes stops at the bound on the total pause, and says which setting raises it", async () => {
    fakeAws().addAccount(
      KEY,
      account({ principals: { [deploy.arn]: { ...used, pollsBeforeComplete: 1_000_000 } } }),
    );
    const out = await read([deploy], { waitSeconds: 1, initialPollMs: 100, maxPollMs: 400 });
    assert.ok("value" in out);
    assert.deepStrictEqual(out.value[0], {
      principal: deploy,
      unavailable:
        "role deploy: IAM's last-accessed job was still in progress after 1 s (iam:GetServiceLastAccessedDetails); raise lastAccessedWaitSeconds or run the audit again",
    });
    assert.deepStrictEqual(pauses, [100, 200, 400]);
    assert.strictEqual(fakeAws().counts(KEY).GetServiceLastAccessedDetails, 4);
  });

  it("throttling: the SDK's retries absorb it; past them, only that principal is unavailable", async () => {
    fakeAws().addAccount(
      KEY,
      account(
        { otherPrincipals: used },
        { failFirst: { GenerateServiceLastAccessedDetails: [errors.throttling, errors.throttling] } },
      ),
    );
    const ok = await read([deploy]);
    assert.ok("value" in ok && services(ok.value[0])?.length === 2, JSON.stringify(ok));
    fakeAws().addAccount(
      KEY,
      account(
        { otherPrincipals: used },
        { failAlways: { GetServiceLastAccessedDetails: errors.throttling } },
      ),
    );
    const throttled = await read([deploy, alice], { concurrency: 1 });
    assert.ok("value" in throttled);
    assert.deepStrictEqual(
      throttled.value.map((u) => ("unavailable" in u ? u.unavailable : "read")),
      [
        "role deploy: iam:GetServiceLastAccessedDetails was throttled past the SDK's retries (Throttling); run the check again later",
        "user alice: iam:GetServiceLastAccessedDetails was throttled past the SDK's retries (Throttling); run the check again later",
      ],
    );
  });

  it("never has more calls in flight than the concurrency, and reports progress per principal", async () => {
    fakeAws().addAccount(
      KEY,
      account({ otherPrincipals: { ...used, pollsBeforeComplete: 1 } }, { latencyMs: 20 }),
    );
    const many = Array.from({ length: 12 }, (_, i) => principal("user", `u${i}`));
    let inFlight = 0;
    let most = 0;
    const counting: Call = async (_name, send) => {
      most = Math.max(most, ++inFlight);
      try {
        return await send({});
      } finally {
        inFlight--;
      }
    };
    const progress: string[] = [];
    const out = await read(many, {
      concurrency: 4,
      call: counting,
      onProgress: (d, t) => progress.push(`${d}/${t}`),
    });
    assert.ok("value" in out && out.value.every((u) => "services" in u));
    assert.strictEqual(most, 4);
    assert.deepStrictEqual(
      progress,
      many.map((_, i) => `${i + 1}/12`),
    );
    assert.strictEqual(fakeAws().total(KEY), 12 * 3);
  });

  it("an endpoint that never answers: each call ends at the request timeout; the principal is unavailable, naming it", async () => {
    fakeAws().addAccount(
      KEY,
      account({ otherPrincipals: used }, { neverAnswer: ["GenerateServiceLastAccessedDetails"] }),
    );
    const t0 = Date.now();
    const out = await readLastAccessed([deploy], {
      clientConfig: { endpoint: fakeAws().url, maxAttempts: 1 },
      requestTimeoutMs: 300,
    });
    assert.ok(Date.now() - t0 < 4000);
    assert.ok("value" in out && "unavailable" in out.value[0], JSON.stringify(out));
    assert.match(
      out.value[0].unavailable,
      /^role deploy: iam:GenerateServiceLastAccessedDetails timed out: no answer within 300 ms/,
    );
  });

  it("the account's deadline stops the whole read, naming the call and the deadline; nothing hangs", async () => {
    fakeAws().addAccount(KEY, account({ otherPrincipals: { ...used, pollsBeforeComplete: 1_000_000 } }));
    const deadline = startDeadline(0.5, "--account-deadline-seconds");
    const t0 = Date.now();
    try {
      const out = await readLastAccessed([deploy, alice], {
        clientConfig: { endpoint: fakeAws().url },
        deadline,
        initialPollMs: 50,
        waitSeconds: 600,
      });
      assert.ok(Date.now() - t0 < 3000, `ended after ${Date.now() - t0} ms`);
      assert.ok("unavailable" in out, JSON.stringify(out));
      assert.strictEqual(
        out.unavailable,
        "iam:GetServiceLastAccessedDetails had not answered when the 0.5 s deadline for reading the account passed (--account-deadline-seconds)",
      );
    } finally {
      deadline.dispose();
    }
  });

  it("no principals: no call at all", async () => {
    fakeAws().addAccount(KEY, account({}));
    assert.deepStrictEqual(await read([]), { value: [] });
    assert.strictEqual(fakeAws().total(KEY), 0);
  });
});
