/**
 * The users x checks matrix: one row per subject with at least one failing check, one column per
 * check that fails for someone, a mark where that subject fails it. Built in one pass over the
 * findings; rows are ordered by how many checks they fail (counting sort, so linear) and capped at
 * `maxRows`: past that the page says how many more there are, and every finding is still listed
 * below the matrix.
 */
import type { Finding } from "../../../account/finding";
import type { PolicyName } from "../../../controls";
import { anchor, esc } from "./escape";

export const maxMatrixRows = 200;

interface Row {
  readonly subject: string;
  readonly fails: Set<PolicyName>;
}

export function* matrix(
  findings: readonly Finding[],
  id: string,
  maxRows = maxMatrixRows,
): Generator<string> {
  const rows = new Map<string, Row>();
  const columns = new Set<PolicyName>();
  for (const f of findings) {
    if (f.status !== "fail") continue;
    columns.add(f.policy);
    let r = rows.get(f.subject);
    if (!r) rows.set(f.subject, (r = { subject: f.subject, fails: new Set() }));
    r.fails.add(f.policy);
  }
  if (rows.size === 0) {
    yield `<p class="none">Nobody fails a check.</p>\n`;
    return;
  }
  const buckets: Row[][] = Array.from({ length: columns.size + 1 }, () => []);
  for (const r of rows.values()) buckets[r.fails.size].push(r);
  const cols = [...columns];
  yield `<div class="scroll"><table class="matrix"><thead><tr><th class="subject">Subject</th>`;
  for (const c of cols)
    yield `<th class="check" title="${esc(c)}"><a href="#${anchor(id, c)}"><span>${esc(c)}</span></a></th>`;
  yield `<th class="count">Failing</th></tr></thead>\n<tbody>\n`;
  let shown = 0;
  for (let n = buckets.length - 1; n > 0 && shown < maxRows; n--) {
    for (const r of buckets[n]) {
      if (shown++ >= maxRows) break;
      const cells = cols.map((c) =>
        r.fails.has(c) ? `<td class="fail" title="fails ${esc(c)}">✗</td>` : `<td class="pass"></td>`,
      );
      yield `<tr><th class="subject">${esc(r.subject)}</th>${cells.join("")}<td class="count">${n}</td></tr>\n`;
    }
  }
  yield `</tbody></table></div>\n`;
  if (rows.size > maxRows)
    yield `<p class="note">Showing the ${maxRows} subjects failing the most checks of ${rows.size} that fail at least one; every finding is listed under Findings.</p>\n`;
}
