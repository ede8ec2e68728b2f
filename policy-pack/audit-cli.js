#!/usr/bin/env node
// The `aws-account-audit` command. A committed launcher rather than bin/audit/cli.js itself: npm
// links a workspace's bins during `npm ci`, before `prepare` has compiled bin/, and skips a target
// that does not exist yet, so on a fresh clone `npx aws-account-audit` found nothing. It runs the
// compiled CLI exactly as `node bin/audit/cli.js` does.
const { main } = require("./bin/audit/cli.js");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
