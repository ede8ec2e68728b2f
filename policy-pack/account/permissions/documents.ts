/**
 * Policy documents as IAM's read APIs return them: URL-encoded JSON (RFC 3986), decoded and
 * parsed exactly once here. A document that does not decode or parse is an unreadable answer,
 * never an empty policy (that would pass a user who may hold anything).
 */
import { Statement, statementsOf } from "../../iam/policyDocument";
import { ReadFailure } from "../awsErrors";
import type { TrustPrincipals, TrustStatement } from "./snapshot";

function parse(encoded: string | undefined, where: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(encoded ?? ""));
  } catch {
    throw new ReadFailure(
      `iam:GetAccountAuthorizationDetails returned a policy document that is not URL-encoded JSON (${where})`,
    );
  }
}

export function policyStatements(encoded: string | undefined, where: string): Statement[] {
  return statementsOf(parse(encoded, where));
}

const list = (v: unknown): string[] =>
  typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

function principalsOf(p: unknown): TrustPrincipals {
  if (p === "*") return { anyone: true, aws: [], service: [], federated: [] };
  const o = p !== null && typeof p === "object" ? (p as Record<string, unknown>) : {};
  const aws = list(o.AWS);
  return { anyone: aws.includes("*"), aws, service: list(o.Service), federated: list(o.Federated) };
}

/** A role's trust policy: its statements with who each one names. */
export function trustStatements(encoded: string | undefined, where: string): TrustStatement[] {
  const doc = parse(encoded, where);
  const statements = statementsOf(doc);
  const raw = (doc as { Statement?: unknown } | null)?.Statement;
  const rawList = Array.isArray(raw) ? raw : [raw];
  return statements.map((s, i) => ({
    ...s,
    principals: principalsOf((rawList[i] as { Principal?: unknown } | undefined)?.Principal),
  }));
}
