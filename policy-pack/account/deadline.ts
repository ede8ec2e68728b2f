/**
 * Every network read ends. Two bounds, both of which throw:
 *
 * - per request (`requestHandlerConfig`): the SDK's connection timeout, a request timeout that
 *   throws (smithy's node-http-handler only logs a warning for `requestTimeout` unless
 *   `throwOnRequestTimeout` is set), and a socket idle timeout for an answer that stops half-way.
 *   The SDK retries a timed-out request like any transient failure, up to `maxAttempts`.
 * - per account (`Deadline`): one clock over every call made to read one account (role
 *   assumption, polling for the credential report, retries included). When it passes, every call
 *   still waiting is aborted and fails naming itself and the deadline, whether or not the SDK
 *   honours the abort.
 */
import { setMaxListeners } from "events";
import { ReadFailure } from "./awsErrors";

export const connectionTimeoutMs = 5_000;
/** Time to the first byte of an answer; AWS answers these reads in well under a second. */
export const defaultRequestTimeoutMs = 10_000;

/** The `requestHandler` options of every client (the SDK builds its NodeHttpHandler from them). */
export function requestHandlerConfig(requestTimeoutMs = defaultRequestTimeoutMs): Record<string, unknown> {
  return {
    connectionTimeout: Math.min(connectionTimeoutMs, requestTimeoutMs),
    requestTimeout: requestTimeoutMs,
    throwOnRequestTimeout: true,
    socketTimeout: requestTimeoutMs,
  };
}

/** "0.5 s", "120 s". */
export const seconds = (s: number): string => `${s} s`;

/** One account's deadline: every call made through `run` fails once it has passed. */
export interface Deadline {
  readonly seconds: number;
  /** Handed to each SDK call, so the request itself is aborted too. */
  readonly signal: AbortSignal;
  readonly expired: () => boolean;
  /** Runs one call; rejects with a ReadFailure naming `call` if the deadline passes first. */
  run<T>(call: string, f: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Resolves after `ms`, or early when the deadline passes. */
  sleep(ms: number): Promise<void>;
  readonly dispose: () => void;
}

/**
 * Starts the clock. `setting` names how the user changes it (`accountDeadlineSeconds`,
 * `--account-deadline-seconds`), for the message.
 */
export function startDeadline(deadlineSeconds: number, setting: string): Deadline {
  const controller = new AbortController();
  // Every call of the account (and each SDK retry) listens on this one signal while it runs.
  setMaxListeners(0, controller.signal);
  const expiredCallbacks = new Set<() => void>();
  const timer = setTimeout(() => {
    controller.abort();
    for (const f of [...expiredCallbacks]) f();
  }, deadlineSeconds * 1000);
  const failure = (call: string) =>
    new ReadFailure(
      `${call} had not answered when the ${seconds(deadlineSeconds)} deadline for reading the account passed (${setting})`,
    );
  /** Resolves when the deadline passes (never, once cancelled). */
  const whenExpired = (): { promise: Promise<void>; cancel: () => void } => {
    let cancel = (): void => undefined;
    const promise = new Promise<void>((resolve) => {
      const cb = () => resolve();
      expiredCallbacks.add(cb);
      cancel = () => void expiredCallbacks.delete(cb);
    });
    return { promise, cancel };
  };
  const expired = () => controller.signal.aborted;
  return {
    seconds: deadlineSeconds,
    signal: controller.signal,
    expired,
    async run(call, f) {
      if (expired()) throw failure(call);
      const guard = whenExpired();
      const timedOut = guard.promise.then((): never => {
        throw failure(call);
      });
      // Handled by the race; marked handled so that a late rejection is never reported as unhandled.
      timedOut.catch(() => undefined);
      try {
        return await Promise.race([f(controller.signal), timedOut]);
      } catch (e) {
        if (expired()) throw failure(call);
        throw e;
      } finally {
        guard.cancel();
      }
    },
    async sleep(ms) {
      if (expired()) return;
      let t: NodeJS.Timeout | undefined;
      const early = whenExpired();
      await Promise.race([new Promise<void>((r) => (t = setTimeout(r, ms))), early.promise]);
      clearTimeout(t);
      early.cancel();
    },
    dispose: () => {
      clearTimeout(timer);
      expiredCallbacks.clear();
    },
  };
}

/** Sends one AWS call; `call` names it for a failure. */
export type Send = <T>(
  call: string,
  send: (options: { abortSignal?: AbortSignal }) => Promise<T>,
) => Promise<T>;

/** Calls under the account's deadline (each call aborted and named when it passes); none: as they are. */
export function callUnder(deadline: Deadline | undefined): Send {
  if (!deadline) return (_call, send) => send({});
  return (call, send) => deadline.run(call, (abortSignal) => send({ abortSignal }));
}
