/**
 * The AWS SDK v3 prints a multi-line NodeVersionSupportWarning on stderr the first time a client
 * is made on a Node.js older than it will support. The pack's stderr becomes diagnostics of
 * every preview, and the audit promises one line on stderr, so both processes switch it off
 * themselves (with the SDK's own switch) before any client is made, whatever their environment.
 */
export function quietSdk(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
}
