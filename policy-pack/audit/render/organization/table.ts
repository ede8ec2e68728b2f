/**
 * The terminal format, streamed: each account's summary line and its findings table (with an
 * Account column) as it finishes; at the end the totals and the accounts that could not be audited.
 */
import { OrganizationRun, OrganizationWriter, Write } from "../../organization/types";
import { summaryLine } from "../summary";
import { findingsTable } from "../table";
import { tableLines } from "../textTable";
import { accountLabel, runLine, totalsLine } from "./accountSummary";

export function tableWriter(run: OrganizationRun, write: Write): OrganizationWriter {
  const failed: { account: string; name?: string; error: string }[] = [];
  return {
    begin: () => write(`${runLine(run)}\n\n`),
    account: (o) => {
      if (o.status === "error") {
        failed.push({ account: o.account, name: o.name, error: o.error });
        return write(`account ${accountLabel(o)}: could not be audited: ${o.error}\n\n`);
      }
      const head = `${o.name ? `${o.name}: ` : ""}${summaryLine(o.result)}`;
      if (o.result.findings.length === 0) return write(`${head}\nNo findings.\n\n`);
      return write(`${head}\n${[...findingsTable(o.result.findings, o.account)].join("")}\n`);
    },
    end: (t) => {
      let text = `${totalsLine(t)}\n`;
      if (failed.length > 0) {
        const columns = [
          { header: "Account", width: 14 },
          { header: "Name", width: 24 },
          { header: "Could not be audited", width: 100 },
        ];
        text += [
          ...tableLines(
            columns,
            failed.map((f) => [f.account, f.name ?? "", f.error]),
          ),
        ].join("");
      }
      return write(text);
    },
  };
}
