/**
 * The real SDK v3 against fakeAws answering as hostile networks do: accepting connections and
 * never answering, answering HTTP 200 with an HTML page (a captive portal, a proxy), leaving
 * keys out of GetAccountSummary, LimitExceeded on report generation, an undocumented report
 * state. Every read must end in bounded time and nothing may be invented: an answer that is not
 * the API's is an unavailable fact naming the call, never "no password policy" or "no device".
 */
import * as assert from "assert";
import { AccountFacts, Fact, isAvailable } from "../../../policy-pack/account/facts";
import { ApiReadOptions, readAccountFromApi } from "../../../policy-pack/account/readApi";
import { generatedUsers } from "../../support/credentialReport";
import { brokenPortalPage, errors, FakeAccount, portalPage } from "../../support/fakeAws";
import { useFakeAws } from "../../support/useFakeAws";

const KEY = "AKIAIOSFODNN7EXAMPLE";
const now = new Date("2026-11-20T12:00:00Z");
const base: FakeAccount = {
  accountId: "123456789012",
  users: generatedUsers(3, now),
  contacts: ["BILLING", "OPERATIONS", "SECURITY"],
  passwordPolicy: { MinimumPasswordLength: 14 },
  now,
};

/** Every fact of the read, with the account id. */
function parts(f: AccountFacts): Record<string, Fact<unknown>> {
  return {
    users: f.users,
    summary: f.summary,
    rootVirtualMfaDevices: f.rootVirtualMfaDevices,
    passwordPolicy: f.passwordPolicy,
    ...Object.fromEntries(Object.entries(f.alternateContacts).map(([k, v]) => [`contact ${k}`, v])),
  };
}

function reasons(f: AccountFacts): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parts(f)).map(([k, v]) => [k, isAvailable(v) ? "AVAILABLE" : v.unavailable]),
  );
}

describe("readAccountFromApi against hostile endpoints (real SDK, fakeAws)", function () {
  this.timeout(20_000);
  const fakeAws = useFakeAws();
  afterEach(() => {
    fakeAws().htmlPage = portalPage;
  });
  const read = (o: ApiReadOptions = {}) =>
    readAccountFromApi({ clientConfig: { endpoint: fakeAws().url }, initialPollMs: 10, ...o });

  async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const t = Date.now();
    const value = await f();
    return { value, ms: Date.now() - t };
  }

  describe("an endpoint that accepts connections and never answers", () => {
    it("every read ends at the request timeout, which throws: each fact names its call and the timeout", async () => {
      fakeAws().addAccount(KEY, { ...base, neverAnswer: true });
      const { value: facts, ms } = await timed(() =>
        read({ requestTimeoutMs: 300, clientConfig: { endpoint: fakeAws().url, maxAttempts: 2 } }),
      );
      assert.ok(ms < 4000, `ended after ${ms} ms`);
      const r = reasons(facts);
      assert.match(r.summary, /^iam:GetAccountSummary timed out: no answer within 300 ms \(2 attempts\)/);
      assert.match(r.users, /^iam:GenerateCredentialReport timed out: no answer within 300 ms/);
      assert.match(r.passwordPolicy, /^iam:GetAccountPasswordPolicy timed out/);
      assert.match(r["contact SECURITY"], /^account:GetAlternateContact timed out/);
      assert.strictEqual(facts.accountId, null);
      assert.ok(
        Object.values(r).every((m) => !m.includes("\n")),
        "one line each",
      );
    });

    it("the account's deadline ends every read even when the request timeout is long", async () => {
      fakeAws().addAccount(KEY, { ...base, neverAnswer: true });
      const { value: facts, ms } = await timed(() =>
        read({ requestTimeoutMs: 60_000, deadlineSeconds: 0.5, deadlineSetting: "accountDeadlineSeconds" }),
      );
      assert.ok(ms >= 450 && ms < 2500, `ended after ${ms} ms`);
      const r = reasons(facts);
      assert.strictEqual(
        r.summary,
        "iam:GetAccountSummary had not answered when the 0.5 s deadline for reading the account passed (accountDeadlineSeconds)",
      );
      assert.ok(
        Object.values(r).every((m) => /had not answered when the 0\.5 s deadline/.test(m)),
        r.users,
      );
    });

    it("the deadline also ends the wait for a report that never completes", async () => {
      fakeAws().addAccount(KEY, { ...base, pollsBeforeComplete: 10_000 });
      const { value: facts, ms } = await timed(() =>
        read({ reportWaitSeconds: 60, deadlineSeconds: 0.6, initialPollMs: 50 }),
      );
      assert.ok(ms < 2500, `ended after ${ms} ms`);
      assert.ok(!isAvailable(facts.users));
      assert.match(facts.users.unavailable, /0\.6 s deadline for reading the account passed/);
      assert.ok(isAvailable(facts.summary), "what answered in time is kept");
    });

    it("only the silent call is unavailable; the others are read", async () => {
      fakeAws().addAccount(KEY, { ...base, neverAnswer: ["GetAccountPasswordPolicy"] });
      const facts = await read({
        requestTimeoutMs: 300,
        clientConfig: { endpoint: fakeAws().url, maxAttempts: 1 },
      });
      const r = reasons(facts);
      assert.match(
        r.passwordPolicy,
        /^iam:GetAccountPasswordPolicy timed out: no answer within 300 ms \(1 attempt\)/,
      );
      assert.strictEqual(r.users, "AVAILABLE");
      assert.strictEqual(r.summary, "AVAILABLE");
      assert.strictEqual(facts.accountId, "123456789012");
    });
  });

  for (const [kind, page] of [
    ["well-formed", portalPage],
    ["not XML", brokenPortalPage],
  ] as const) {
    it(`HTTP 200 with an HTML page (${kind}) invents nothing: every fact is unavailable, naming the call`, async () => {
      fakeAws().htmlPage = page;
      fakeAws().addAccount(KEY, { ...base, htmlAnswer: true });
      const { value: facts, ms } = await timed(() => read({ reportWaitSeconds: 30 }));
      assert.ok(ms < 3000, `ended after ${ms} ms (no polling a report that will never come)`);
      const r = reasons(facts);
      for (const [part, why] of Object.entries(r)) {
        assert.match(why, /is not AWS's answer/, `${part}: ${why}`);
        assert.ok(!why.includes("\n"), why);
      }
      assert.match(r.passwordPolicy, /^iam:GetAccountPasswordPolicy /);
      assert.match(r.rootVirtualMfaDevices, /^iam:ListVirtualMFADevices /);
      assert.match(r.users, /^iam:GenerateCredentialReport /);
      assert.match(r["contact SECURITY"], /^account:GetAlternateContact /);
      assert.strictEqual(facts.accountId, null);
      assert.strictEqual(
        fakeAws().counts(KEY).GenerateCredentialReport,
        1,
        "no polling on an answer that is not IAM's",
      );
    });
  }

  it("a report state IAM does not document stops the polling at once", async () => {
    fakeAws().addAccount(KEY, { ...base, reportState: "FAILED" });
    const facts = await read({ reportWaitSeconds: 30 });
    assert.deepStrictEqual(facts.users, {
      unavailable:
        'iam:GenerateCredentialReport answered State "FAILED"; only STARTED, INPROGRESS and COMPLETE are expected, so the report was not read',
    });
    assert.strictEqual(fakeAws().counts(KEY).GenerateCredentialReport, 1);
  });

  describe("GetAccountSummary without some keys (moto has no AccountPasswordPresent)", () => {
    it("keeps the keys that are there and leaves the missing one unknown", async () => {
      fakeAws().addAccount(KEY, { ...base, summaryWithout: ["AccountPasswordPresent"] });
      const facts = await read();
      assert.deepStrictEqual(facts.summary, {
        value: { accountAccessKeysPresent: false, accountMfaEnabled: true },
      });
    });

    it("a SummaryMap without any of the keys read is not IAM's answer", async () => {
      fakeAws().addAccount(KEY, {
        ...base,
        summaryWithout: ["AccountPasswordPresent", "AccountMFAEnabled", "AccountAccessKeysPresent"],
      });
      const facts = await read();
      assert.ok(!isAvailable(facts.summary));
      assert.match(facts.summary.unavailable, /^iam:GetAccountSummary .*none of AccountAccessKeysPresent/);
    });
  });

  describe("LimitExceeded on GenerateCredentialReport (no capacity for new reports) is throttling", () => {
    it("backs off and retries, then reads the report", async () => {
      fakeAws().addAccount(KEY, {
        ...base,
        failFirst: { GenerateCredentialReport: Array(4).fill(errors.limitExceeded) },
      });
      const facts = await read();
      assert.ok(isAvailable(facts.users) && facts.users.value.length === 4);
      assert.strictEqual(
        fakeAws().counts(KEY).GenerateCredentialReport,
        5,
        "past the SDK's own three attempts",
      );
    });

    it("still refused when credentialReportWaitSeconds runs out: unavailable, saying so", async () => {
      fakeAws().addAccount(KEY, { ...base, failAlways: { GenerateCredentialReport: errors.limitExceeded } });
      // One attempt per call: the bound under test is this loop's, not the SDK's own retries.
      const { value: facts, ms } = await timed(() =>
        read({
          reportWaitSeconds: 1,
          initialPollMs: 100,
          clientConfig: { endpoint: fakeAws().url, maxAttempts: 1 },
        }),
      );
      assert.ok(ms < 4000, `ended after ${ms} ms`);
      assert.deepStrictEqual(facts.users, {
        unavailable:
          "IAM had no capacity to generate the credential report for 1 s (iam:GenerateCredentialReport: LimitExceeded); run the check again later or raise credentialReportWaitSeconds",
      });
      assert.ok(fakeAws().counts(KEY).GenerateCredentialReport >= 2, "it retried");
    });
  });
});
