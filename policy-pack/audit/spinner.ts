/**
 * A progress indicator on stderr while IAM generates the credential report (or a count that
 * `update` redraws at once), only when stderr is a terminal (never in CI logs, pipes or JSON
 * consumers' captures). ora is loaded only then.
 */
export interface Spinner {
  readonly start: () => void;
  /** Replaces the text shown (a progress count); starts the spinner if it is not running. */
  readonly update: (text: string) => void;
  readonly stop: () => void;
}

export function startSpinner(text: string, stream: NodeJS.WriteStream = process.stderr): Spinner {
  if (!stream.isTTY) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  let spinner: { stop(): unknown; render(): unknown; text: string } | undefined;
  const start = () => {
    if (spinner) return;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ora = require("ora") as typeof import("ora");
    spinner = ora({ text, stream, hideCursor: false, discardStdin: false }).start();
  };
  return {
    start,
    update: (t) => {
      text = t;
      start();
      if (!spinner) return;
      spinner.text = t;
      spinner.render();
    },
    stop: () => {
      spinner?.stop();
      spinner = undefined;
    },
  };
}
