// Part of `npm run build` (and so of `npm ci`): copies the examples a user of the installed package needs (the
// example credential report for `npx aws-account-audit --credential-report`, the audit's IAM
// policies) from the repository's examples/ into policy-pack/examples/ (git-ignored), which the
// pack's package.json `files` ships. One copy of each in the repository, fresh in every build.
// Not a `prepack` script of the pack: an installed copy has no ../tools (and `pulumi policy
// publish` packs the installed folder).
const fs = require("fs");
const path = require("path");

const shipped = [
  "credential-report.csv",
  "audit-readonly-policy.json",
  "audit-member-role-trust-policy.json",
  "audit-organization-caller-policy.json",
];
const from = path.resolve(__dirname, "..", "examples");
const to = path.resolve(__dirname, "..", "policy-pack", "examples");

fs.rmSync(to, { recursive: true, force: true });
fs.mkdirSync(to);
for (const name of shipped) fs.copyFileSync(path.join(from, name), path.join(to, name));
