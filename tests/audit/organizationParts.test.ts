import * as assert from "assert";
import { fail } from "../../policy-pack/account/finding";
import { forEachBounded } from "../../policy-pack/audit/organization/pool";
import { startProgress } from "../../policy-pack/audit/organization/progress";
import { AccountOutcome } from "../../policy-pack/audit/organization/types";
import { apiFacts } from "../support/accountFacts";
import { recordingStream } from "../support/ttyStream";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function* numbers(n: number, failAt?: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    if (i === failAt) throw new Error("listing broke off");
    yield i;
  }
}

describe("forEachBounded", () => {
  it("never runs more than the limit, runs up to it, and finishes every item", async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await forEachBounded(numbers(25), 4, async (i) => {
      peak = Math.max(peak, ++running);
      await tick(2 + (i % 3));
      running--;
      done.push(i);
    });
    assert.strictEqual(peak, 4);
    assert.deepStrictEqual(
      done.sort((a, b) => a - b),
      Array.from({ length: 25 }, (_, i) => i),
    );
  });

  it("does not pull the next item before a slot is free", async () => {
    let pulled = 0;
    async function* counted() {
      for (let i = 0; i < 10; i++) {
        pulled++;
        yield i;
      }
    }
    let finished = 0;
    const seen: number[] = [];
    await forEachBounded(counted(), 2, async () => {
      seen.push(pulled - finished);
      await tick(2);
      finished++;
    });
    assert.ok(Math.max(...seen) <= 2, `pulled ahead: ${seen.join(",")}`);
  });

  it("a source that fails is rethrown once the running tasks have finished", async () => {
    const finished: number[] = [];
    await assert.rejects(
      forEachBounded(numbers(10, 5), 3, async (i) => {
        await tick(5);
        finished.push(i);
      }),
      /listing broke off/,
    );
    assert.deepStrictEqual(
      finished.sort((a, b) => a - b),
      [0, 1, 2, 3, 4],
    );
  });
});

const stream = (isTTY: boolean) => recordingStream(isTTY, 200);

const failed: AccountOutcome = {
  account: "200000000002",
  name: "sandbox",
  status: "error",
  error: "could not assume role arn:aws:iam::200000000002:role/OrganizationAccountAccessRole (AccessDenied)",
};

describe("the organization audit's per-account progress", () => {
  it("writes nothing when stderr is not a terminal", async () => {
    const s = stream(false);
    const p = startProgress(s);
    p.started({ id: failed.account });
    p.finished(failed);
    let wrote = false;
    p.around(() => (wrote = true));
    p.stop();
    await tick(1);
    assert.strictEqual(s.written(), "");
    assert.ok(wrote, "output still goes through");
  });

  it("on a terminal, a line per finished account naming it and the cause", async () => {
    const s = stream(true);
    const p = startProgress(s);
    p.started({ id: failed.account });
    p.finished(failed);
    p.stop();
    await tick(1);
    assert.match(s.written(), /200000000002 \(sandbox\): could not be audited: could not assume role/);
  });
});

describe("the progress lines' marks", () => {
  const audited = (account: string, failing: boolean): AccountOutcome => ({
    account,
    status: "ok",
    result: {
      account,
      source: "aws",
      reportGeneratedAt: null,
      auditedAt: "2026-11-20T12:00:00.000Z",
      findings: failing
        ? [fail("root-mfa-enabled", "<root_account>", "<root_account>: MFA is not enabled")]
        : [],
    },
    facts: apiFacts({ accountId: account }),
  });

  it("a check mark only for an account that passed; a cross for one that fails or could not be audited", async () => {
    const s = stream(true);
    const p = startProgress(s);
    for (const o of [audited("200000000001", false), audited("200000000003", true), failed]) {
      p.started({ id: o.account });
      p.finished(o);
    }
    p.stop();
    await tick(1);
    const marks = [...s.written().matchAll(/(\S) (2\d{11})\b/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepStrictEqual(marks, ["✔ 200000000001", "✖ 200000000003", "✖ 200000000002"]);
  });
});
