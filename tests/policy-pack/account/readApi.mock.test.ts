import * as assert from "assert";
import { AwsClientStub, mockClient } from "aws-sdk-client-mock";
import {
  CredentialReportNotReadyException,
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListVirtualMFADevicesCommand,
  NoSuchEntityException,
} from "@aws-sdk/client-iam";
import {
  AccountClient,
  GetAlternateContactCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-account";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { readAccountFromApi } from "../../../policy-pack/account/readApi";
import { AccountFacts, isAvailable } from "../../../policy-pack/account/facts";
import { credentialReportCsv } from "../../support/credentialReport";

// Stubs are made in `before` and restored in `after`: made at load time, they would stub every
// client in the mocha process, including other files' real-SDK tests.
let iam: AwsClientStub<IAMClient>;
let sts: AwsClientStub<STSClient>;
let account: AwsClientStub<AccountClient>;
const report = new TextEncoder().encode(
  credentialReportCsv("123456789012", {}, [{ name: "bob", createdAt: "2024-01-01T00:00:00+00:00" }]),
);
const generated = new Date("2026-11-20T11:00:00Z");
const meta = { $metadata: {} };

/** A virtual clock: sleeping advances it, nothing really waits. */
function clock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

function happyPath(): void {
  sts.on(GetCallerIdentityCommand).resolves({ Account: "123456789012" });
  iam.on(GenerateCredentialReportCommand).resolves({ State: "COMPLETE" });
  iam
    .on(GetCredentialReportCommand)
    .resolves({ Content: report, GeneratedTime: generated, ReportFormat: "text/csv" });
  iam.on(GetAccountSummaryCommand).resolves({
    SummaryMap: { AccountAccessKeysPresent: 0, AccountMFAEnabled: 1, AccountPasswordPresent: 1 },
  });
  iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [], IsTruncated: false });
  iam
    .on(GetAccountPasswordPolicyCommand)
    .resolves({ PasswordPolicy: { MinimumPasswordLength: 14, ExpirePasswords: false } });
  account.on(GetAlternateContactCommand).resolves({ AlternateContact: { AlternateContactType: "SECURITY" } });
}

const value = <T>(f: { value: T } | { unavailable: string }): T => {
  assert.ok(isAvailable(f), JSON.stringify(f));
  return f.value;
};
const reason = (f: { value: unknown } | { unavailable: string }): string => {
  assert.ok(!isAvailable(f), "expected unavailable");
  return f.unavailable;
};

describe("readAccountFromApi (aws-sdk-client-mock)", () => {
  before(() => {
    iam = mockClient(IAMClient);
    sts = mockClient(STSClient);
    account = mockClient(AccountClient);
  });
  beforeEach(() => {
    iam.reset();
    sts.reset();
    account.reset();
    happyPath();
  });
  after(() => {
    iam.restore();
    sts.restore();
    account.restore();
  });

  it("reads every fact with one call each", async () => {
    const facts: AccountFacts = await readAccountFromApi();
    assert.strictEqual(facts.accountId, "123456789012");
    assert.deepStrictEqual(facts.reportGeneratedAt, generated);
    assert.deepStrictEqual(
      value(facts.users).map((u) => u.user),
      ["<root_account>", "bob"],
    );
    assert.deepStrictEqual(value(facts.summary), {
      accountAccessKeysPresent: false,
      accountMfaEnabled: true,
      accountPasswordPresent: true,
    });
    assert.deepStrictEqual(value(facts.passwordPolicy)?.minimumPasswordLength, 14);
    assert.strictEqual(value(facts.alternateContacts.SECURITY), true);
    assert.strictEqual(iam.commandCalls(GenerateCredentialReportCommand).length, 1);
    assert.strictEqual(iam.commandCalls(GetCredentialReportCommand).length, 1);
    assert.deepStrictEqual(iam.commandCalls(ListVirtualMFADevicesCommand)[0].args[0].input, {
      AssignmentStatus: "Assigned",
      MaxItems: 1000,
      Marker: undefined,
    });
    assert.deepStrictEqual(
      account.commandCalls(GetAlternateContactCommand).map((c) => c.args[0].input.AlternateContactType),
      ["BILLING", "OPERATIONS", "SECURITY"],
    );
  });

  it("polls GenerateCredentialReport with backoff until COMPLETE and tells the caller once", async () => {
    iam
      .on(GenerateCredentialReportCommand)
      .resolvesOnce({ State: "STARTED" })
      .resolvesOnce({ State: "INPROGRESS" })
      .resolves({ State: "COMPLETE" });
    const c = clock();
    let pending = 0;
    const facts = await readAccountFromApi({ ...c, initialPollMs: 100, onReportPending: () => pending++ });
    assert.strictEqual(value(facts.users).length, 2);
    assert.deepStrictEqual(c.sleeps, [100, 200]);
    assert.strictEqual(pending, 1);
  });

  it("retries GetCredentialReport's ReportInProgress (CredentialReportNotReadyException)", async () => {
    iam
      .on(GetCredentialReportCommand)
      .rejectsOnce(new CredentialReportNotReadyException({ message: "in progress", ...meta }))
      .resolves({ Content: report, GeneratedTime: generated });
    const c = clock();
    const facts = await readAccountFromApi({ ...c, initialPollMs: 50 });
    assert.strictEqual(value(facts.users).length, 2);
    assert.strictEqual(iam.commandCalls(GetCredentialReportCommand).length, 2);
  });

  it("bounds the total wait: a report still generating becomes an unavailable fact, the rest still read", async () => {
    iam.on(GenerateCredentialReportCommand).resolves({ State: "INPROGRESS" });
    const c = clock();
    const facts = await readAccountFromApi({
      ...c,
      reportWaitSeconds: 10,
      initialPollMs: 1000,
      maxPollMs: 4000,
    });
    assert.match(reason(facts.users), /still being generated after 10 s \(iam:GenerateCredentialReport\)/);
    assert.ok(c.clock() <= 10_000, `waited ${c.clock()} ms`);
    assert.deepStrictEqual(c.sleeps, [1000, 2000, 4000]);
    assert.strictEqual(value(facts.summary).accountMfaEnabled, true);
  });

  it("turns AccessDenied into the permission to grant, per fact", async () => {
    iam
      .on(GetAccountSummaryCommand)
      .rejects(Object.assign(new Error("not authorized"), { name: "AccessDenied" }));
    account
      .on(GetAlternateContactCommand)
      .rejects(Object.assign(new Error("nope"), { name: "AccessDeniedException" }));
    const facts = await readAccountFromApi();
    assert.strictEqual(
      reason(facts.summary),
      "iam:GetAccountSummary was denied (AccessDenied); grant iam:GetAccountSummary to the credentials running the check",
    );
    assert.match(reason(facts.alternateContacts.SECURITY), /^account:GetAlternateContact was denied/);
    assert.strictEqual(value(facts.users).length, 2);
  });

  it("reads NoSuchEntity as no password policy and ResourceNotFound as a missing contact", async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(new NoSuchEntityException({ message: "none", ...meta }));
    account
      .on(GetAlternateContactCommand, { AlternateContactType: "SECURITY" })
      .rejects(new ResourceNotFoundException({ message: "none", ...meta }));
    const facts = await readAccountFromApi();
    assert.strictEqual(value(facts.passwordPolicy), null);
    assert.strictEqual(value(facts.alternateContacts.SECURITY), false);
    assert.strictEqual(value(facts.alternateContacts.BILLING), true);
  });

  it("pages ListVirtualMFADevices and returns root's devices, stopping once found", async () => {
    iam
      .on(ListVirtualMFADevicesCommand)
      .resolvesOnce({
        VirtualMFADevices: [
          {
            SerialNumber: "arn:aws:iam::123456789012:mfa/bob",
            User: {
              Arn: "arn:aws:iam::123456789012:user/bob",
              UserName: "bob",
              UserId: "x",
              Path: "/",
              CreateDate: generated,
            },
          },
        ],
        IsTruncated: true,
        Marker: "m1",
      })
      .resolvesOnce({
        VirtualMFADevices: [
          {
            SerialNumber: "arn:aws:iam::123456789012:mfa/root-phone",
            User: {
              Arn: "arn:aws:iam::123456789012:root",
              UserName: "",
              UserId: "123456789012",
              Path: "",
              CreateDate: generated,
            },
          },
        ],
        IsTruncated: true,
        Marker: "m2",
      })
      .resolves({ VirtualMFADevices: [], IsTruncated: false });
    const facts = await readAccountFromApi();
    assert.deepStrictEqual(value(facts.rootVirtualMfaDevices), ["arn:aws:iam::123456789012:mfa/root-phone"]);
    assert.deepStrictEqual(
      iam.commandCalls(ListVirtualMFADevicesCommand).map((c) => c.args[0].input.Marker),
      [undefined, "m1"],
    );
  });

  it("takes the account id from the report's ARNs when STS GetCallerIdentity fails", async () => {
    sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error("denied"), { name: "AccessDenied" }));
    const facts = await readAccountFromApi();
    assert.strictEqual(facts.accountId, "123456789012");
  });

  it("names missing credentials and unreachable endpoints", async () => {
    iam.on(GetAccountSummaryCommand).rejects(
      Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      }),
    );
    iam
      .on(GetAccountPasswordPolicyCommand)
      .rejects(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { name: "Error", code: "ECONNREFUSED" }),
      );
    const facts = await readAccountFromApi();
    assert.match(
      reason(facts.summary),
      /^no AWS credentials were found \(Could not load credentials from any providers\)/,
    );
    assert.match(
      reason(facts.passwordPolicy),
      /^AWS could not be reached calling iam:GetAccountPasswordPolicy \(ECONNREFUSED/,
    );
  });

  it("a report IAM returns that cannot be parsed is an unavailable fact, not a throw", async () => {
    iam
      .on(GetCredentialReportCommand)
      .resolves({ Content: new TextEncoder().encode("user,arn\nbob,x\n"), GeneratedTime: generated });
    const facts = await readAccountFromApi();
    assert.match(reason(facts.users), /could not be read: credential report is missing required columns/);
  });
});
