/**
 * The `aws.iam.AccountPasswordPolicy` settings as the engine sends them, checked for type: the
 * rules compare numbers and test `=== true`, so a string ("abc", "20", "yes") or any other wrong
 * type would compare as NaN and pass, or read as "not required" without saying why. A wrong type
 * is reported as such instead. (Unknown-during-preview sentinels never get here: reading one
 * through the policy framework's proxy throws, and the pack reports it cannot decide.)
 */
import { PasswordPolicySettings } from "../rules/passwordPolicy";

export type Field = keyof PasswordPolicySettings;

const fieldTypes: Readonly<Record<Field, { readonly type: "number" | "boolean"; readonly label: string }>> = {
  minimumPasswordLength: { type: "number", label: "minimum password length" },
  passwordReusePrevention: { type: "number", label: "password reuse prevention" },
  maxPasswordAge: { type: "number", label: "maximum password age" },
  requireUppercaseCharacters: { type: "boolean", label: "requireUppercaseCharacters" },
  requireLowercaseCharacters: { type: "boolean", label: "requireLowercaseCharacters" },
  requireNumbers: { type: "boolean", label: "requireNumbers" },
  requireSymbols: { type: "boolean", label: "requireSymbols" },
};

function hasType(value: unknown, type: "number" | "boolean"): boolean {
  return type === "number" ? typeof value === "number" && Number.isFinite(value) : typeof value === "boolean";
}

export interface WrongType {
  readonly field: Field;
  readonly value: unknown;
}

export interface ReadSettings {
  /** The well-typed settings; a field of the wrong type is left out (as if unset). */
  readonly settings: PasswordPolicySettings;
  /** Every field that is set, as given (`null` counts as unset). */
  readonly given: Readonly<Partial<Record<Field, unknown>>>;
  readonly wrongTypes: readonly WrongType[];
}

/** Reads only the given fields, so an unknown elsewhere in the resource does not stop the check. */
export function readSettings(props: Record<string, unknown>, fields: readonly Field[]): ReadSettings {
  const given = Object.fromEntries(
    fields.map((f) => [f, props[f] ?? undefined] as const).filter(([, v]) => v !== undefined),
  ) as Partial<Record<Field, unknown>>;
  const wrongTypes = fields
    .filter((f) => f in given && !hasType(given[f], fieldTypes[f].type))
    .map((field) => ({ field, value: given[field] }));
  const settings = Object.fromEntries(
    Object.entries(given).filter(([f]) => !wrongTypes.some((w) => w.field === f)),
  ) as PasswordPolicySettings;
  return { settings, given, wrongTypes };
}

function show(value: unknown): string {
  const text = typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** E.g. `minimum password length is "abc", not a number; at least 14 is required`. */
export function wrongTypeMessage(w: WrongType, requirement: string): string {
  const { type, label } = fieldTypes[w.field];
  return `${label} is ${show(w.value)}, not a ${type}; ${requirement}`;
}
