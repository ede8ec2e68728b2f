/**
 * Installs the stand-in `aws` provider (standInAwsProvider.ts) where the engine looks for
 * plugins: `$PULUMI_HOME/plugins/resource-aws-v<version>/pulumi-resource-aws`, at the version
 * @pulumi/aws declares, so the engine neither downloads nor builds the real one.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const aws = require("@pulumi/aws/package.json") as { pulumi: { name: string; version: string } };

export const awsPluginVersion = aws.pulumi.version;

export function installStandInAwsPlugin(pulumiHome: string): string {
  const dir = path.join(pulumiHome, "plugins", `resource-${aws.pulumi.name}-v${awsPluginVersion}`);
  fs.mkdirSync(dir, { recursive: true });
  const tsNode = require.resolve("ts-node/register/transpile-only");
  const server = path.join(__dirname, "standInAwsProvider.ts");
  const project = path.resolve(__dirname, "../../../tsconfig.json");
  const exe = path.join(dir, `pulumi-resource-${aws.pulumi.name}`);
  fs.writeFileSync(
    exe,
    `#!/bin/sh\n# The stand-in aws provider of the e2e tier (tests/e2e/support/standInAwsProvider.ts).\n` +
      `TS_NODE_PROJECT='${project}' exec node -r '${tsNode}' '${server}' "$@"\n`,
    { mode: 0o755 },
  );
  return exe;
}
