/**
 * Per-account progress of the organization audit on stderr, only when stderr is a terminal
 * (never in CI logs, pipes or JSON consumers' captures): a line per finished account and a
 * spinner counting the accounts done and in progress. ora is loaded only then.
 */
import { OrganizationAccount } from "./accounts";
import { AccountOutcome } from "./types";

export interface Progress {
  readonly started: (account: OrganizationAccount) => void;
  readonly finished: (outcome: AccountOutcome) => void;
  /** Runs `write` with the spinner cleared, so output on the same terminal is not garbled. */
  readonly around: (write: () => void) => void;
  readonly stop: () => void;
}

const silent: Progress = {
  started: () => undefined,
  finished: () => undefined,
  around: (write) => write(),
  stop: () => undefined,
};

/** The account's line, marked ✔ only when it passed (audited, nothing failing), else ✖. */
function line(o: AccountOutcome): { symbol: string; text: string } {
  const who = o.name ? `${o.account} (${o.name})` : o.account;
  if (o.status === "error") return { symbol: "✖", text: `${who}: could not be audited: ${o.error}` };
  const failing = o.result.findings.filter((f) => f.status === "fail").length;
  const text = `${who}: ${failing} failing, ${o.result.findings.length - failing} not evaluated`;
  return { symbol: failing === 0 ? "✔" : "✖", text };
}

export function startProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return silent;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ora = require("ora") as typeof import("ora");
  const spinner = ora({
    text: "Listing the organization's accounts",
    stream,
    hideCursor: false,
    discardStdin: false,
  }).start();
  let done = 0;
  let failed = 0;
  let running = 0;
  const status = () =>
    `Auditing the organization: ${done} done${failed ? ` (${failed} could not be audited)` : ""}, ${running} in progress`;
  return {
    started: () => {
      running++;
      spinner.text = status();
    },
    finished: (o) => {
      running--;
      done++;
      if (o.status === "error") failed++;
      spinner.stopAndPersist(line(o));
      spinner.start(status());
    },
    around: (write) => {
      spinner.clear();
      write();
      spinner.render();
    },
    stop: () => {
      spinner.stop();
    },
  };
}
