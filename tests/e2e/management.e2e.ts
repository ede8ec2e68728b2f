/**
 * The organization's management stack (examples/stacks/Pulumi.management.yaml) under the real
 * engine: the program reads the organization through the provider's invokes (answered by the
 * stand-in from the simulated organization, as `npm run check` does), manages the member
 * accounts' contacts and the centralized root access, and `pulumi up` records the outputs.
 */
import * as assert from "assert";
import * as path from "path";
import { root } from "../program/stackFiles";
import { assertExit, mandatoryFindings, readConfig, scenario } from "./support/scenario";

const STACK = "management";
const members = ["222222222222", "333333333333"];

describe("e2e: the organization's management stack", function () {
  this.timeout(600_000);
  const s = scenario({ [STACK]: readConfig(path.join(root, "examples/stacks/Pulumi.management.yaml")) });

  it("reads the organization through the provider and manages every active member's contacts", async () => {
    const up = await s.ws.up(STACK);
    assertExit(up, 0);
    assert.deepStrictEqual(mandatoryFindings(up.stdout), [], up.stdout);
    const journal = s.ws.takeJournal();
    const tokens = [...new Set(journal.filter((e) => e.op === "invoke").map((e) => e.token))].sort();
    assert.deepStrictEqual(tokens, [
      "aws:index/getCallerIdentity:getCallerIdentity",
      "aws:organizations/getOrganization:getOrganization",
    ]);
    const contacts = journal
      .filter(
        (e) =>
          e.op === "create" && (e.urn ?? "").includes("aws:account/alternativeContact:AlternativeContact"),
      )
      .map((e) => (e.urn ?? "").split("::").pop())
      .sort();
    assert.strictEqual(contacts.length, 3 * (members.length + 1), contacts.join("\n"));
    for (const id of members)
      assert.ok(
        contacts.some((name) => name?.includes(id)),
        `${id}: ${contacts.join(", ")}`,
      );
    assert.ok(
      journal.some((e) => e.op === "create" && (e.urn ?? "").includes("OrganizationsFeatures")),
      "centralized root access is declared",
    );
    const outputs = await s.ws.outputs(STACK);
    assert.deepStrictEqual(outputs.memberAccountIds, members);
    assert.strictEqual(outputs.managementAccountId, "111111111111");
  });
});
