// Runs the compiled consumer program under Pulumi mocks (the installed @pulumi/pulumi) and prints,
// once everything is registered, one JSON object: every resource registered, and what the
// installed ValidationError reported. The one provider call expected is getCallerIdentity (the
// support role trusts the stack's account); any other fails the run.
const pulumi = require("@pulumi/pulumi");

const resources = [];
pulumi.runtime.setMocks(
  {
    newResource: (a) => {
      resources.push({ type: a.type, name: a.name, inputs: a.inputs });
      return { id: `${a.name}-id`, state: a.inputs };
    },
    call: (a) => {
      if (a.token === "aws:index/getCallerIdentity:getCallerIdentity") {
        return { accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/ci", userId: "AIDA" };
      }
      throw new Error(`unexpected provider call ${a.token}`);
    },
  },
  "consumer",
  "dev",
  false,
);

const program = require("./bin/index.js");
const rejected = program.rejectWeakPolicy();
let printed = false;
process.on("beforeExit", () => {
  if (printed) return;
  printed = true;
  process.stdout.write(
    `${JSON.stringify({ resources, rejected, defaultMinimumLength: program.defaultMinimumLength })}\n`,
  );
});
