/**
 * The real SDK v3 (serialization, error codes, its own retries) against fakeAws on 127.0.0.1.
 */
import * as assert from "assert";
import { isAvailable } from "../../../policy-pack/account/facts";
import { readAccountFromApi } from "../../../policy-pack/account/readApi";
import { generatedUsers } from "../../support/credentialReport";
import { errors, FakeAccount } from "../../support/fakeAws";
import { useFakeAws } from "../../support/useFakeAws";

const KEY = "AKIAIOSFODNN7EXAMPLE";
const now = new Date("2026-11-20T12:00:00Z");
const base: FakeAccount = {
  accountId: "123456789012",
  users: generatedUsers(10, now),
  contacts: ["BILLING", "SECURITY"],
  passwordPolicy: { MinimumPasswordLength: 8, RequireSymbols: true },
  now,
};

describe("readAccountFromApi with the real SDK against fakeAws", function () {
  this.timeout(30_000);
  const fakeAws = useFakeAws();
  const read = () => readAccountFromApi({ clientConfig: { endpoint: fakeAws().url }, initialPollMs: 10 });

  it("parses every answer: account, report, summary, password policy, contacts", async () => {
    fakeAws().addAccount(KEY, base);
    const facts = await read();
    assert.strictEqual(facts.accountId, "123456789012");
    assert.deepStrictEqual(facts.reportGeneratedAt, now);
    assert.ok(isAvailable(facts.users) && facts.users.value.length === 11);
    assert.deepStrictEqual(facts.summary, {
      value: { accountAccessKeysPresent: false, accountMfaEnabled: true, accountPasswordPresent: true },
    });
    assert.ok(isAvailable(facts.passwordPolicy));
    assert.strictEqual(facts.passwordPolicy.value?.minimumPasswordLength, 8);
    assert.strictEqual(facts.passwordPolicy.value?.requireSymbols, true);
    assert.deepStrictEqual(facts.alternateContacts, {
      BILLING: { value: true },
      OPERATIONS: { value: false },
      SECURITY: { value: true },
    });
    assert.deepStrictEqual(fakeAws().counts(KEY), {
      GetCallerIdentity: 1,
      GenerateCredentialReport: 1,
      GetCredentialReport: 1,
      GetAccountSummary: 1,
      ListVirtualMFADevices: 1,
      GetAccountPasswordPolicy: 1,
      GetAlternateContact: 3,
      GetAccountAuthorizationDetails: 1,
      ListServerCertificates: 1,
      ListOrganizationsFeatures: 1,
      ListAnalyzers: 1,
    });
  });

  it("waits out the report: STARTED, INPROGRESS, then COMPLETE", async () => {
    fakeAws().addAccount(KEY, { ...base, pollsBeforeComplete: 2 });
    const facts = await read();
    assert.ok(isAvailable(facts.users));
    assert.strictEqual(fakeAws().counts(KEY).GenerateCredentialReport, 3);
  });

  it("retries GetCredentialReport's ReportInProgress error (CredentialReportNotReadyException in the SDK)", async () => {
    fakeAws().addAccount(KEY, { ...base, failFirst: { GetCredentialReport: [errors.reportInProgress] } });
    const facts = await read();
    assert.ok(isAvailable(facts.users) && facts.users.value.length === 11);
    assert.strictEqual(fakeAws().counts(KEY).GetCredentialReport, 2);
  });

  it("a report never COMPLETE within the bound is unavailable with the cause", async () => {
    fakeAws().addAccount(KEY, { ...base, pollsBeforeComplete: 1000 });
    const facts = await readAccountFromApi({
      clientConfig: { endpoint: fakeAws().url },
      initialPollMs: 50,
      reportWaitSeconds: 1,
    });
    assert.ok(!isAvailable(facts.users));
    assert.match(facts.users.unavailable, /still being generated after 1 s/);
    assert.ok(isAvailable(facts.summary));
  });

  it("lets the SDK retry Throttling, then succeeds", async () => {
    fakeAws().addAccount(KEY, {
      ...base,
      failFirst: { GetAccountSummary: [errors.throttling, errors.throttling] },
    });
    const facts = await read();
    assert.ok(isAvailable(facts.summary));
    assert.strictEqual(fakeAws().counts(KEY).GetAccountSummary, 3);
  });

  it("throttling past the SDK's three attempts becomes an unavailable fact naming the cause", async () => {
    fakeAws().addAccount(KEY, {
      ...base,
      failFirst: { GetAccountPasswordPolicy: Array(3).fill(errors.throttling) },
    });
    const facts = await read();
    assert.deepStrictEqual(facts.passwordPolicy, {
      unavailable:
        "iam:GetAccountPasswordPolicy was throttled past the SDK's retries (Throttling); run the check again later",
    });
    assert.ok(isAvailable(facts.users));
  });

  it("AccessDenied on IAM and Account calls names the permission; the other facts still arrive", async () => {
    fakeAws().addAccount(KEY, {
      ...base,
      failFirst: {
        GenerateCredentialReport: [errors.accessDenied("GenerateCredentialReport")],
        GetAlternateContact: [errors.accountAccessDenied],
      },
    });
    const facts = await read();
    assert.deepStrictEqual(facts.users, {
      unavailable:
        "iam:GenerateCredentialReport was denied (AccessDenied); grant iam:GenerateCredentialReport to the credentials running the check",
    });
    const denied = Object.values(facts.alternateContacts).filter((f) => !isAvailable(f));
    assert.strictEqual(denied.length, 1);
    assert.ok(isAvailable(facts.summary));
    assert.strictEqual(facts.accountId, "123456789012");
  });

  it("a root virtual MFA device is found through ListVirtualMFADevices", async () => {
    fakeAws().addAccount(KEY, { ...base, rootVirtualMfa: ["arn:aws:iam::123456789012:mfa/root-phone"] });
    const facts = await read();
    assert.deepStrictEqual(facts.rootVirtualMfaDevices, {
      value: ["arn:aws:iam::123456789012:mfa/root-phone"],
    });
  });

  it("makes the same number of requests for 10 and 5,000 users, but for the snapshot's pages (1,000 items a page)", async () => {
    const counts: Record<string, number>[] = [];
    for (const n of [10, 5000]) {
      fakeAws().addAccount(KEY, { ...base, users: generatedUsers(n, now), usersVirtualMfa: false });
      const facts = await read();
      assert.ok(isAvailable(facts.users) && facts.users.value.length === n + 1);
      counts.push(fakeAws().counts(KEY));
    }
    const pages = (c: Record<string, number>) => c.GetAccountAuthorizationDetails;
    assert.deepStrictEqual(
      [pages(counts[0]), pages(counts[1])],
      [1, 6],
      "16 and 5,006 principals and policies",
    );
    const rest = (c: Record<string, number>) => ({ ...c, GetAccountAuthorizationDetails: 0 });
    assert.deepStrictEqual(rest(counts[1]), rest(counts[0]));
    assert.strictEqual(fakeAws().total(KEY), 18);
  });

  it("with users' virtual MFA devices, only ListVirtualMFADevices pages grow (1,000 per page)", async () => {
    fakeAws().addAccount(KEY, { ...base, users: generatedUsers(5000, now) });
    await read();
    // 3,750 of the generated users hold a virtual device: 4 pages; every other call stays at one,
    // but for the authorization snapshot's 6 pages.
    assert.strictEqual(fakeAws().counts(KEY).ListVirtualMFADevices, 4);
    assert.strictEqual(fakeAws().total(KEY), 21);
  });

  it("serves accounts by access key id, counting each separately", async () => {
    fakeAws().addAccount("AKIAMEMBER0000000001", { ...base, accountId: "210987654321" });
    fakeAws().addAccount(KEY, base);
    const member = await readAccountFromApi({
      clientConfig: {
        endpoint: fakeAws().url,
        credentials: { accessKeyId: "AKIAMEMBER0000000001", secretAccessKey: "fake-secret" },
      },
      initialPollMs: 10,
    });
    assert.strictEqual(member.accountId, "210987654321");
    assert.strictEqual(fakeAws().total("AKIAMEMBER0000000001"), 13);
    assert.strictEqual(fakeAws().total(KEY), 0);
  });

  it("no endpoint listening: every fact names the unreachable endpoint, nothing throws", async () => {
    const facts = await readAccountFromApi({
      clientConfig: { endpoint: "http://127.0.0.1:9", maxAttempts: 1 },
    });
    assert.ok(!isAvailable(facts.summary));
    assert.match(
      facts.summary.unavailable,
      /^AWS could not be reached calling iam:GetAccountSummary \(ECONNREFUSED/,
    );
    assert.strictEqual(facts.accountId, null);
  });
});
