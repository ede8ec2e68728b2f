/**
 * A progress indicator on stderr while IAM generates the credential report, only when stderr is
 * a terminal (never in CI logs, pipes or JSON consumers' captures). ora is loaded only then.
 */
export interface Spinner {
  readonly start: () => void;
  readonly stop: () => void;
}

export function startSpinner(text: string, stream: NodeJS.WriteStream = process.stderr): Spinner {
  if (!stream.isTTY) return { start: () => undefined, stop: () => undefined };
  let spinner: { stop(): unknown } | undefined;
  return {
    start: () => {
      if (spinner) return;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ora = require("ora") as typeof import("ora");
      spinner = ora({ text, stream, hideCursor: false, discardStdin: false }).start();
    },
    stop: () => {
      spinner?.stop();
      spinner = undefined;
    },
  };
}
