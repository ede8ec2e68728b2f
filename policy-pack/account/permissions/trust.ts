/**
 * Whether a role's trust policy lets a person assume it without MFA. A statement passes when it
 * trusts only AWS services, SAML providers (IAM Identity Center's roles trust its
 * `saml-provider/AWSSSO_...`) or requires MFA: `Bool` `aws:MultiFactorAuthPresent` true, or a
 * `NumericLessThan[Equals]` on `aws:MultiFactorAuthAge` (both fail when the key is absent). The
 * `...IfExists` forms pass requests without the key, so they do not count. Web identity (OIDC)
 * federation never carries MFA.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 */
import { TrustStatement } from "./snapshot";

const samlProvider = /^arn:aws[\w-]*:iam::\d{12}:saml-provider\//;

function lower(o: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

const isTrue = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 && v.every(isTrue) : String(v).toLowerCase() === "true";

function requiresMfa(s: TrustStatement): boolean {
  return Object.entries(s.condition).some(([op, keys]) => {
    const k = lower(keys);
    const o = op.toLowerCase();
    if (o === "bool" && "aws:multifactorauthpresent" in k) return isTrue(k["aws:multifactorauthpresent"]);
    return (o === "numericlessthan" || o === "numericlessthanequals") && "aws:multifactorauthage" in k;
  });
}

/** Who the statement lets in without MFA; empty when nobody. */
function withoutMfa(s: TrustStatement): string[] {
  if (s.effect !== "Allow" || requiresMfa(s)) return [];
  const p = s.principals;
  return [
    ...(p.anyone ? ["anyone (*)"] : p.aws),
    ...p.federated.filter((f) => !samlProvider.test(f)).map((f) => `web identity ${f}`),
  ];
}

/** The principals that may assume the role without MFA (people or accounts, not AWS services or SAML). */
export function assumableWithoutMfa(trust: readonly TrustStatement[]): string[] {
  return [...new Set(trust.flatMap(withoutMfa))];
}
