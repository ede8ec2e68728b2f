// Tests run through ts-node in transpile-only mode; `tsc --noEmit` type-checks once in `npm test`.
process.env.TS_NODE_TRANSPILE_ONLY = "true";
process.env.TS_NODE_PROJECT = require("path").join(__dirname, "tsconfig.json");
module.exports = {
  require: ["ts-node/register", "tests/support/env.ts"],
  extension: ["ts"],
  timeout: 20000,
  recursive: true,
};
