/**
 * Builds credential report CSV text the way IAM writes it, for tests and benchmarks: the root row
 * plus one row per user, with IAM's special values. Options vary the shape a parser must accept
 * (CRLF, BOM, extra and reordered columns).
 */

export interface KeySpec {
  readonly active: boolean;
  readonly lastRotated: string;
  /** Omitted: never used (`N/A`). */
  readonly lastUsed?: string;
}

export interface UserSpec {
  readonly name: string;
  readonly createdAt: string;
  /** Omitted: no console password (`N/A`). `lastUsed` omitted means never used (`no_information`). */
  readonly password?: { readonly lastUsed?: string | "no_information"; readonly lastChanged: string };
  readonly mfa?: boolean;
  readonly keys?: readonly [KeySpec?, KeySpec?];
}

export interface RootSpec {
  readonly createdAt?: string;
  /** Default `not_supported` (what AWS writes); `false` once root's password was removed. */
  readonly passwordEnabled?: "not_supported" | boolean;
  readonly passwordLastUsed?: string | "no_information";
  readonly mfa?: boolean;
  readonly keys?: readonly [KeySpec?, KeySpec?];
}

export interface CsvShape {
  readonly crlf?: boolean;
  readonly bom?: boolean;
  /** Appends a column AWS might add one day. */
  readonly extraColumn?: boolean;
  /** Writes the columns in reverse order. */
  readonly reversed?: boolean;
  /** Leaves out the `<root_account>` row, as a filtered report or moto's does. */
  readonly withoutRoot?: boolean;
}

export const columns = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
  "cert_1_active",
  "cert_1_last_rotated",
  "cert_2_active",
  "cert_2_last_rotated",
] as const;

type Row = Record<(typeof columns)[number], string>;

function keyCells(n: 1 | 2, k: KeySpec | undefined): Partial<Row> {
  const used = k?.lastUsed;
  return {
    [`access_key_${n}_active`]: String(k?.active ?? false),
    [`access_key_${n}_last_rotated`]: k?.lastRotated ?? "N/A",
    [`access_key_${n}_last_used_date`]: used ?? "N/A",
    [`access_key_${n}_last_used_region`]: used ? "us-east-1" : "N/A",
    [`access_key_${n}_last_used_service`]: used ? "s3" : "N/A",
  };
}

const certs = {
  cert_1_active: "false",
  cert_1_last_rotated: "N/A",
  cert_2_active: "false",
  cert_2_last_rotated: "N/A",
};

function rootRow(accountId: string, r: RootSpec): Row {
  return {
    user: "<root_account>",
    arn: `arn:aws:iam::${accountId}:root`,
    user_creation_time: r.createdAt ?? "2019-01-01T00:00:00+00:00",
    password_enabled: String(r.passwordEnabled ?? "not_supported"),
    password_last_used: r.passwordLastUsed ?? "N/A",
    password_last_changed: "not_supported",
    password_next_rotation: "not_supported",
    mfa_active: String(r.mfa ?? true),
    ...keyCells(1, r.keys?.[0]),
    ...keyCells(2, r.keys?.[1]),
    ...certs,
  } as Row;
}

function userRow(accountId: string, u: UserSpec): Row {
  return {
    user: u.name,
    arn: `arn:aws:iam::${accountId}:user/${u.name}`,
    user_creation_time: u.createdAt,
    password_enabled: String(u.password !== undefined),
    password_last_used: u.password ? (u.password.lastUsed ?? "no_information") : "N/A",
    password_last_changed: u.password?.lastChanged ?? "N/A",
    password_next_rotation: "N/A",
    mfa_active: String(u.mfa ?? false),
    ...keyCells(1, u.keys?.[0]),
    ...keyCells(2, u.keys?.[1]),
    ...certs,
  } as Row;
}

/** The report's CSV text. */
export function credentialReportCsv(
  accountId: string,
  root: RootSpec,
  users: readonly UserSpec[],
  shape: CsvShape = {},
): string {
  const cols: string[] = shape.reversed ? [...columns].reverse() : [...columns];
  if (shape.extraColumn) cols.push("future_column");
  const rows = [
    ...(shape.withoutRoot ? [] : [rootRow(accountId, root)]),
    ...users.map((u) => userRow(accountId, u)),
  ];
  const cells = (r: Row) => cols.map((c) => (c === "future_column" ? "x" : r[c as keyof Row]));
  const eol = shape.crlf ? "\r\n" : "\n";
  const text = [cols, ...rows.map(cells)].map((line) => line.join(",")).join(eol) + eol;
  return shape.bom ? `\ufeff${text}` : text;
}

/** `n` users with a spread of credentials, deterministic; ages relative to `now`. */
export function generatedUsers(n: number, now: Date): UserSpec[] {
  const ago = (days: number) =>
    new Date(now.getTime() - days * 86_400_000).toISOString().replace(".000Z", "+00:00");
  return Array.from({ length: n }, (_, i) => ({
    name: `user-${String(i).padStart(5, "0")}`,
    createdAt: ago(400 + (i % 300)),
    password:
      i % 3 === 0 ? undefined : { lastUsed: i % 7 === 0 ? undefined : ago(i % 100), lastChanged: ago(200) },
    mfa: i % 4 !== 0,
    keys: [
      i % 2 === 0
        ? { active: true, lastRotated: ago(i % 200), lastUsed: i % 5 === 0 ? undefined : ago(i % 60) }
        : undefined,
      i % 10 === 0 ? { active: true, lastRotated: ago(30) } : undefined,
    ],
  }));
}
