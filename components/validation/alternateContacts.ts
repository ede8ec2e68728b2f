import * as pulumi from "@pulumi/pulumi";
import type { AlternateContactsArgs, ContactArgs } from "../alternateContacts";
import {
  booleanValue,
  isEventual,
  Issues,
  join,
  objectOf,
  retainOnDeleteDefault,
  text,
  validated,
} from "./checks";
import { accountId, contactLimits, emailAddress, phoneNumber } from "./aws";

export const contactTypes = ["billing", "operations", "security"] as const;
export type ContactType = (typeof contactTypes)[number];

export interface ResolvedAlternateContactsArgs {
  readonly contacts: readonly { readonly type: ContactType; readonly contact: ContactArgs }[];
  readonly accountId?: pulumi.Input<string>;
  readonly retainOnDelete: boolean;
}

const argKeys = [...contactTypes, "accountId", "retainOnDelete"];
const contactKeys = ["name", "title", "emailAddress", "phoneNumber"];
const contactShape = "a contact { name, title, emailAddress, phoneNumber }";

function checkContact(issues: Issues, path: string, value: unknown): ContactArgs | undefined {
  const given = objectOf(issues, path, value, contactKeys, `${contactShape} or false`);
  if (given === undefined) return undefined;
  const contact = {
    name: text(issues, join(path, "name"), given.name, contactLimits.name),
    title: text(issues, join(path, "title"), given.title, contactLimits.title),
    emailAddress: emailAddress(issues, join(path, "emailAddress"), given.emailAddress),
    phoneNumber: phoneNumber(issues, join(path, "phoneNumber"), given.phoneNumber),
  };
  return Object.values(contact).every((v) => v !== undefined) ? (contact as ContactArgs) : undefined;
}

/** An account id known now is checked now; one from another resource is checked when known. */
function checkAccountId(issues: Issues, path: string, value: unknown): pulumi.Input<string> | undefined {
  if (value === undefined) return undefined;
  if (isEventual(value)) {
    return pulumi
      .output(value as pulumi.Input<string>)
      .apply((id) => validated((i, v) => accountId(i, path, v), id));
  }
  return accountId(issues, path, value);
}

/** Checks `value` as AlternateContactsArgs, recording problems under `path`; applies defaults. */
export function checkAlternateContactsArgs(
  issues: Issues,
  value: unknown,
  path = "alternateContacts",
): ResolvedAlternateContactsArgs | undefined {
  const before = issues.count;
  const given = objectOf(
    issues,
    path,
    value,
    argKeys,
    `${contactShape} per type (billing, operations, security)`,
  );
  if (given === undefined) return undefined;
  if (given.security === undefined) {
    issues.add(
      `${join(path, "security")} is required: give ${contactShape}, or false to leave the security contact out deliberately`,
    );
  }
  const contacts: { type: ContactType; contact: ContactArgs }[] = [];
  for (const type of contactTypes) {
    const v = given[type];
    if (v === undefined || v === false) continue;
    const contact = checkContact(issues, join(path, type), v);
    if (contact !== undefined) contacts.push({ type, contact });
  }
  const id = checkAccountId(issues, join(path, "accountId"), given.accountId);
  const retainOnDelete =
    given.retainOnDelete === undefined
      ? retainOnDeleteDefault
      : booleanValue(issues, join(path, "retainOnDelete"), given.retainOnDelete);
  if (issues.count > before) return undefined;
  return {
    contacts,
    ...(id === undefined ? {} : { accountId: id }),
    retainOnDelete: retainOnDelete as boolean,
  };
}

export function resolveAlternateContactsArgs(args: AlternateContactsArgs): ResolvedAlternateContactsArgs {
  return validated(checkAlternateContactsArgs, args);
}
