/**
 * Reads `--compare PREVIOUS.json`: an earlier `--format json` output of the audit. Anything else
 * (a missing file, not JSON, another tool's JSON, an output of an older or newer shape, a
 * single-account output given to an organization audit or the reverse) is a CompareError with one
 * line naming the file, the field and what was expected. Only the fields the comparison uses
 * are checked and kept.
 */
import { controls, PolicyName, Severity } from "../../controls";
import { Finding } from "../../account/finding";
import { readBounded } from "../../account/readBounded";
import { CompareError, Json, Obj, Reader } from "./reader";
import { snapshot } from "./readSnapshot";
import { formatVersion, Snapshot } from "./snapshot";

export { CompareError };

/** One account of the previous audit. */
export interface PreviousAccount {
  readonly account: string | null;
  readonly name?: string;
  /** false: the account could not be audited then (an organization's `accounts[].status` "error"). */
  readonly audited: boolean;
  readonly findings: Finding[];
  readonly snapshot?: Snapshot;
}

export interface Previous {
  readonly file: string;
  readonly organization: boolean;
  readonly auditedAt: string;
  /** One entry for a single-account output; one per listed account for an organization's. */
  readonly accounts: PreviousAccount[];
}

const maxBytes = 512 * 1024 * 1024;

function finding(r: Reader, v: Json, path: string): Finding {
  const o = r.obj(v, path);
  const policy = r.str(o.policy, `${path}.policy`);
  if (!(policy in controls)) r.fail(`${path}.policy`, "a policy this audit knows", policy);
  const status = r.str(o.status, `${path}.status`);
  if (status !== "fail" && status !== "not-evaluated")
    r.fail(`${path}.status`, '"fail" or "not-evaluated"', status);
  return {
    policy: policy as PolicyName,
    status,
    severity: r.str(o.severity, `${path}.severity`) as Severity,
    subject: r.str(o.subject, `${path}.subject`),
    message: r.str(o.message, `${path}.message`),
    controls: r.arr(o.controls, `${path}.controls`).map((c, i) => r.str(c, `${path}.controls[${i}]`)),
  };
}

function findings(r: Reader, o: Obj): Finding[] {
  return r.arr(o.findings, "findings").map((f, i) => finding(r, f, `findings[${i}]`));
}

function singleAccount(r: Reader, o: Obj): PreviousAccount {
  return {
    account: r.strOrNull(o.account, "account"),
    audited: true,
    findings: findings(r, o),
    snapshot: snapshot(r, o.snapshot, "snapshot"),
  };
}

function organizationAccounts(r: Reader, o: Obj): PreviousAccount[] {
  // One pass: each finding checked once and appended to its account's list.
  const byAccount = new Map<string, Finding[]>();
  r.arr(o.findings, "findings").forEach((v, i) => {
    const path = `findings[${i}]`;
    const f = finding(r, v, path);
    const account = r.str(r.obj(v, path).account, `${path}.account`);
    const list = byAccount.get(account);
    if (list) list.push(f);
    else byAccount.set(account, [f]);
  });
  return r.arr(o.accounts, "accounts").map((v, i) => {
    const path = `accounts[${i}]`;
    const a = r.obj(v, path);
    const account = r.str(a.account, `${path}.account`);
    const status = r.str(a.status, `${path}.status`);
    if (status !== "ok" && status !== "error") r.fail(`${path}.status`, '"ok" or "error"', status);
    return {
      account,
      ...(typeof a.name === "string" ? { name: a.name } : {}),
      audited: status === "ok",
      findings: byAccount.get(account) ?? [],
      ...(status === "ok" ? { snapshot: snapshot(r, a.snapshot, `${path}.snapshot`) } : {}),
    };
  });
}

async function readText(file: string, shown: string): Promise<string> {
  try {
    const bytes = await readBounded(
      file,
      maxBytes,
      () => new CompareError(`--compare ${shown} is larger than 512 MiB; it is not an audit's JSON output`),
    );
    return bytes.toString("utf8");
  } catch (e) {
    if (e instanceof CompareError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CompareError(
      code === "ENOENT"
        ? `--compare ${shown} does not exist; give the --format json output of an earlier audit`
        : code === "EISDIR"
          ? `--compare ${shown} is a directory; give the JSON file of an earlier audit`
          : `--compare ${shown} cannot be read (${code ?? String(e)})`,
    );
  }
}

/** Rejects a single-account PREVIOUS for an organization audit, and the reverse. */
export function expectKind(previous: Previous, organization: boolean): Previous {
  if (previous.organization === organization) return previous;
  throw new CompareError(
    previous.organization
      ? `--compare ${previous.file} is an organization audit; compare it with --organization, or give an earlier audit of this account`
      : `--compare ${previous.file} is a single-account audit; with --organization give an earlier --organization --format json output`,
  );
}

/** The previous audit, checked; `shown` is the file as the user wrote it. */
export async function readPrevious(file: string, shown: string): Promise<Previous> {
  const text = await readText(file, shown);
  let json: Json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new CompareError(
      `--compare ${shown} is not JSON; give the --format json output of an earlier audit`,
    );
  }
  const r = new Reader(shown);
  if (typeof json !== "object" || json === null || Array.isArray(json) || !("findings" in json)) {
    throw new CompareError(
      `--compare ${shown} is JSON but not an audit's --format json output (no findings)`,
    );
  }
  const o = json as Obj;
  if (o.formatVersion === undefined) {
    throw new CompareError(
      `--compare ${shown} was written by an earlier version of the audit, without formatVersion and the snapshot a comparison needs; run the audit with --format json once more to make a baseline`,
    );
  }
  if (o.formatVersion !== formatVersion) {
    throw new CompareError(
      `--compare ${shown} has formatVersion ${JSON.stringify(o.formatVersion)}; this audit reads formatVersion ${formatVersion} only (run the same version of the audit to make the baseline)`,
    );
  }
  const organization = o.organization === true;
  return {
    file: shown,
    organization,
    auditedAt: r.time(o.auditedAt, "auditedAt"),
    accounts: organization ? organizationAccounts(r, o) : [singleAccount(r, o)],
  };
}
