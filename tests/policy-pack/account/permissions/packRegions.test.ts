/**
 * The pack's access-analyzer-enabled over more regions than the stack's provider region: the
 * shared read covers the provider's region; the configured others are read on their own, once,
 * for that policy alone.
 */
import * as assert from "assert";
import type { StackValidationArgs } from "@pulumi/policy";
import { createAccountPolicies, memoiseReads } from "../../../../policy-pack/account/policies";
import { AccountSource } from "../../../../policy-pack/account/source";
import { apiFacts, NOW } from "../../../support/accountFacts";

const args = (config: object): StackValidationArgs =>
  ({ resources: [], stackTags: new Map(), getConfig: () => config }) as unknown as StackValidationArgs;

describe("access-analyzer-enabled in the pack", () => {
  it("reads the configured regions its source did not cover, and judges each one", async () => {
    const asked: string[][] = [];
    const policies = createAccountPolicies({
      read: memoiseReads(async () => apiFacts()),
      now: () => NOW,
      baseDir: ".",
      readAnalyzers: async (_s: AccountSource, regions) => {
        asked.push([...regions]);
        return {
          "eu-west-1": { value: [] },
          "ap-south-1": { unavailable: "access-analyzer:ListAnalyzers was denied" },
        };
      },
    });
    const policy = policies.find((p) => p.name === "access-analyzer-enabled")!;
    const messages: string[] = [];
    await policy.validateStack(args({ regions: ["us-east-1", "eu-west-1", "ap-south-1"] }), (m) =>
      messages.push(m),
    );
    assert.deepStrictEqual(asked, [["eu-west-1", "ap-south-1"]], "us-east-1 came with the shared read");
    assert.deepStrictEqual(messages, [
      "account 123456789012 (IAM API): region eu-west-1: no active external access analyzer (none); create one of type ACCOUNT or ORGANIZATION",
      "account 123456789012 (IAM API): not evaluated: region ap-south-1: access-analyzer:ListAnalyzers was denied",
    ]);
  });

  it("without configured regions judges the provider's region only", async () => {
    const policies = createAccountPolicies({
      read: memoiseReads(async () => apiFacts()),
      now: () => NOW,
      baseDir: ".",
    });
    const messages: string[] = [];
    await policies
      .find((p) => p.name === "access-analyzer-enabled")!
      .validateStack(args({}), (m) => messages.push(m));
    assert.deepStrictEqual(messages, []);
  });
});
