/**
 * `--compare` for an organization: each account audited now is compared with its own previous
 * audit (diff.ts) as it finishes; at the end, the accounts that joined (audited now, not in the
 * previous listing) and left (in the previous listing, not now). An account that could not be
 * audited in one of the two runs is listed as not compared, with the reason.
 */
import { AccountOutcome } from "../organization/types";
import { diffAccount } from "./diff";
import { Previous, PreviousAccount } from "./previous";
import { snapshotOf } from "./snapshot";
import { AccountChanges, AccountRef, OrganizationChanges } from "./types";

export interface OrganizationComparer {
  /** The account's changes, when it was audited in both runs. */
  readonly account: (o: AccountOutcome) => AccountChanges | undefined;
  readonly end: () => OrganizationChanges;
}

const ref = (a: { account: string | null; name?: string }): AccountRef => ({
  account: a.account ?? "",
  ...(a.name ? { name: a.name } : {}),
});

export function organizationComparer(previous: Previous): OrganizationComparer {
  const before = new Map<string, PreviousAccount>(previous.accounts.map((a) => [a.account ?? "", a]));
  const seen = new Set<string>();
  const added: AccountRef[] = [];
  const compared: AccountChanges[] = [];
  const notCompared: OrganizationChanges["notCompared"] = [];
  return {
    account: (o) => {
      seen.add(o.account);
      const old = before.get(o.account);
      if (!old) {
        added.push(ref(o));
        return undefined;
      }
      if (o.status === "error") {
        notCompared.push({ ...ref(o), reason: `could not be audited now: ${o.error}` });
        return undefined;
      }
      if (!old.audited) {
        notCompared.push({ ...ref(o), reason: "could not be audited in the previous audit" });
        return undefined;
      }
      const changes = diffAccount(old, previous.auditedAt, {
        account: o.account,
        findings: o.result.findings,
        snapshot: snapshotOf(o.facts),
      });
      compared.push(changes);
      return changes;
    },
    end: () => ({
      previousAuditedAt: previous.auditedAt,
      accountsAdded: added,
      accountsRemoved: previous.accounts.filter((a) => !seen.has(a.account ?? "")).map(ref),
      accounts: compared,
      notCompared,
    }),
  };
}
