/**
 * Small checks shared by every component's argument validation. Each check takes the value,
 * the field's path as the user wrote it (`passwordPolicy.minimumLength`) and an `Issues`
 * collector; it records "<path> must be <requirement>; got <value>" and returns undefined when
 * the value is wrong, or the value, typed, when it is right. Collecting (rather than throwing at
 * the first problem) lets one run report every mistake in a set of arguments.
 */
import * as pulumi from "@pulumi/pulumi";

/**
 * Resources whose deletion weakens the account (the password policy, the contacts) stay in AWS
 * when they leave the stack unless the user opts out.
 */
export const retainOnDeleteDefault = true;

/**
 * Thrown before any resource is registered; `issues` holds one message per problem. A
 * `RunError`, the SDK's error for a user's mistake: the engine prints its message (each problem
 * once, one per line) without a stack trace or a dump of the error's fields. It carries no stack
 * trace at all: the input is wrong, not the code, and the SDK formats an uncaught error's stack
 * even when it hides it, which under the engine's ts-node (source maps) took about 30 s.
 */
export class ValidationError extends pulumi.RunError {
  constructor(readonly issues: readonly string[]) {
    super(issues.join("\n"));
    this.name = "ValidationError";
    this.stack = `${this.name}: ${this.message}`;
  }
}

export class Issues {
  private readonly messages: string[] = [];

  /** Records "<path> must be <requirement>; got <value>". Always returns undefined. */
  mustBe(path: string, requirement: string, value: unknown): undefined {
    this.messages.push(`${path} must be ${requirement}; got ${show(value)}`);
    return undefined;
  }

  add(message: string): undefined {
    this.messages.push(message);
    return undefined;
  }

  get count(): number {
    return this.messages.length;
  }

  throwIfAny(): void {
    if (this.messages.length > 0) throw new ValidationError(this.messages);
  }
}

/** The value as it appears in a message: strings quoted, long objects shortened. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** Joins a field onto a parent path: `join("adminAccess", "users")` is `adminAccess.users`. */
export function join(parent: string, field: string | number): string {
  if (typeof field === "number") return `${parent}[${field}]`;
  return parent === "" ? field : `${parent}.${field}`;
}

/** A value given as an Output or a promise: known only at deployment, checked then. */
export function isEventual(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isEventual(value);
}

/**
 * An object whose keys are all in `allowed` (an unknown key is usually a typo of a known one,
 * silently ignoring it would leave a setting at its default). `what` describes the object for
 * the "must be" message.
 */
export function objectOf(
  issues: Issues,
  path: string,
  value: unknown,
  allowed: readonly string[],
  what: string,
): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return issues.mustBe(path === "" ? "the arguments" : path, what, value);
  const of = path === "" ? "" : ` of ${path}`;
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      issues.add(`${join(path, key)} is not a known setting; allowed keys${of}: ${allowed.join(", ")}`);
    }
  }
  return value;
}

export function integerFrom(
  issues: Issues,
  path: string,
  value: unknown,
  min: number,
  max: number,
): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value;
  return issues.mustBe(path, `an integer from ${min} to ${max}`, value);
}

export function booleanValue(issues: Issues, path: string, value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  return issues.mustBe(path, "true or false", value);
}

/** A string that matches `pattern`, described to the user as `requirement`. */
export function matching(
  issues: Issues,
  path: string,
  value: unknown,
  pattern: RegExp,
  requirement: string,
): string | undefined {
  if (typeof value === "string" && pattern.test(value)) return value;
  return issues.mustBe(path, requirement, value);
}

/** Text of 1..max characters that is not only blank space. */
export function text(issues: Issues, path: string, value: unknown, max: number): string | undefined {
  if (typeof value === "string" && value.trim().length > 0 && value.length <= max) return value;
  return issues.mustBe(path, `a non-blank string of at most ${max} characters`, value);
}

/** Runs one `check*Args` function and throws a ValidationError naming every bad field. */
export function validated<T>(check: (issues: Issues, value: unknown) => T | undefined, value: unknown): T {
  const issues = new Issues();
  const result = check(issues, value);
  issues.throwIfAny();
  return result as T;
}
