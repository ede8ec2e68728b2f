/** Colour for the table format: what each status and severity looks like, none when the display has no colour. */
import { createColors } from "picocolors";
import type { Finding } from "../../account/finding";
import type { Severity } from "../../controls";
import { Display } from "./display";

/** Adds colour codes around text already laid out (never measured again). */
export type Paint = (text: string) => string;

export interface Palette {
  readonly status: (status: Finding["status"]) => Paint;
  readonly severity: (severity: Severity) => Paint;
  readonly header: Paint;
  readonly passed: Paint;
  readonly failed: Paint;
}

export function paletteFor(display: Display): Palette {
  const c = createColors(display.colour);
  const strongRed: Paint = (t) => c.bold(c.red(t));
  const severities: Record<Severity, Paint> = {
    critical: strongRed,
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
  };
  return {
    status: (s) => (s === "fail" ? strongRed : c.yellow),
    severity: (s) => severities[s],
    header: c.bold,
    passed: c.green,
    failed: c.red,
  };
}
