import { UnknownValueError } from "@pulumi/policy";

/**
 * Runs `decide` on every item, so what is known during preview is still judged, and afterwards
 * rethrows the first unknown-value error: the pack then reports once, as an advisory, that the
 * policy could not decide the rest during preview. Any other error propagates at once.
 */
export function decideEach<T>(items: Iterable<T>, decide: (item: T) => void): void {
  let firstUnknown: unknown;
  for (const item of items) {
    try {
      decide(item);
    } catch (e) {
      if (!(e instanceof UnknownValueError)) throw e;
      firstUnknown ??= e;
    }
  }
  if (firstUnknown !== undefined) throw firstUnknown;
}

/** Whether reading a value hit an unknown-during-preview sentinel. */
export function isUnknownValueError(e: unknown): boolean {
  return e instanceof UnknownValueError;
}
