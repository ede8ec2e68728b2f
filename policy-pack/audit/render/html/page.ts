/**
 * The page around the sections: one self-contained file. Inline CSS only, no script, no image, no
 * font, nothing fetched: the Content-Security-Policy forbids every fetch, so even a link a user
 * name smuggled in could not load. Prints on paper as it shows on screen.
 */
import { esc } from "./escape";

const css = `
:root{color-scheme:light;--fail:#b42318;--pass:#067647;--muted:#667085;--line:#d0d5dd}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#101828;margin:0 auto;padding:24px;max-width:1400px;display:flex;flex-direction:column}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:32px}
h3{font-size:15px;margin:20px 0 8px}h4{font-size:14px;margin:16px 0 4px}
.lead{order:-3}.totals{order:-2}.org-changes{order:-1}
table{border-collapse:collapse;margin:4px 0 8px}th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
thead th{background:#f2f4f7}.none,.note,.meta,.controls,small{color:var(--muted)}
.sev,.status{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;color:#fff}
.sev.critical{background:#7a0916}.sev.high{background:#b42318}.sev.medium{background:#b54708}.sev.low{background:#475467}
.status.fail{background:var(--fail)}.status.not-evaluated{background:var(--muted)}
.passed{color:var(--pass);font-size:15px}.failed{color:var(--fail);font-size:15px}
.scroll{overflow-x:auto}.matrix th.check{height:190px;vertical-align:bottom;padding:4px 2px;background:#f2f4f7}
.matrix th.check span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500}
.matrix td{text-align:center;min-width:22px;padding:2px}.matrix td.fail{background:#fee4e2;color:var(--fail);font-weight:700}
.matrix th.subject,.subject{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-weight:400;word-break:break-all}
.findings td:last-child{max-width:800px}.fix{max-width:1000px}a{color:#175cd3}
@media print{.scroll{overflow:visible}section.check{break-inside:avoid}}
`;

export function pageStart(title: string, lead: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${css}</style></head>
<body>
<header class="lead"><h1>${esc(title)}</h1>${lead}</header>
`;
}

export const pageEnd = `</body></html>\n`;
