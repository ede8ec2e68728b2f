/** The --last-accessed progress bar: on a terminal only, counting principals as their jobs finish. */
import * as assert from "assert";
import { defaultLastAccessedSettings } from "../../policy-pack/account/lastAccessed/config";
import { lastAccessedFindings, progressText } from "../../policy-pack/audit/lastAccessed";
import { useFakeAws } from "../support/useFakeAws";
import { recordingStream } from "../support/ttyStream";
import { snapshotOf } from "../support/permissionFacts";
import { readOnly, trustAccount } from "../support/permissionSpec";

const KEY = "AKIAIOSFODNN7EXAMPLE";
const ID = "123456789012";
const now = new Date("2026-11-20T12:00:00Z");

describe("--last-accessed progress", function () {
  this.timeout(30_000);
  const fakeAws = useFakeAws();
  before(() => {
    fakeAws().latencyMs = 150;
  });
  const run = (stream: NodeJS.WriteStream) => {
    const job = { services: [{ namespace: "s3" }] };
    fakeAws().addAccount(KEY, {
      accountId: ID,
      now,
      lastAccessed: {
        principals: { [`arn:aws:iam::${ID}:role/a`]: job, [`arn:aws:iam::${ID}:role/b`]: job },
      },
    });
    const own = { inline: { own: readOnly() }, trust: trustAccount() };
    return lastAccessedFindings({
      authorization: { value: snapshotOf({ roles: { a: own, b: own } }) },
      settings: defaultLastAccessedSettings,
      now,
      deadlineSeconds: 30,
      clientConfig: { endpoint: fakeAws().url },
      progress: stream,
    });
  };

  it("the bar: filled in proportion, with the count", () => {
    assert.strictEqual(
      progressText(125, 500),
      "[#####...............] 125/500 principals: reading IAM's service last-accessed data",
    );
    assert.match(progressText(0, 0), /^\[#{20}\] 0\/0/);
  });

  it("on a terminal it shows the count as principals finish; the findings are the same", async () => {
    const tty = recordingStream(true);
    const findings = await run(tty);
    assert.deepStrictEqual(
      findings.map((f) => f.subject),
      ["a", "b"],
    );
    assert.match(tty.written(), /2\/2 principals: reading IAM's service last-accessed data/);
  });

  it("writes nothing when stderr is not a terminal", async () => {
    const pipe = recordingStream(false);
    assert.strictEqual((await run(pipe)).length, 2);
    assert.strictEqual(pipe.written(), "");
  });
});
