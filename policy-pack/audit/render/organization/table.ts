/**
 * The terminal format, streamed: each account's summary line and its findings table (with an
 * Account column) as it finishes; at the end the totals and the accounts that could not be audited.
 */
import Table from "cli-table3";
import { OrganizationRun, OrganizationWriter, Write } from "../../organization/types";
import { summaryLine } from "../summary";
import { findingsTable } from "../table";
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
      return write(`${head}\n${findingsTable(o.result.findings, o.account)}\n\n`);
    },
    end: (t) => {
      let text = `${totalsLine(t)}\n`;
      if (failed.length > 0) {
        const table = new Table({
          head: ["Account", "Name", "Could not be audited"],
          style: { head: [], border: [] },
          colWidths: [14, 24, 100],
          wordWrap: true,
        });
        for (const f of failed) table.push([f.account, f.name ?? "", f.error]);
        text += `${table.toString()}\n`;
      }
      return write(text);
    },
  };
}
