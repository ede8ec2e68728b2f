/**
 * The pack runs from its compiled `bin/` (its package.json `main`). These helpers tell whether
 * `bin/` is older than the TypeScript it is built from, and rebuild it with the pack's tsconfig
 * (what `npm run build` does, about 2.5 s here).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

function newestMtime(dir: string, keep: (file: string) => boolean): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "bin") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, keep));
    else if (keep(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether the pack's compiled main is missing or older than any of its .ts sources or its tsconfig. */
export function isPackBuildStale(packDir: string): boolean {
  const main = path.join(packDir, "bin", "index.js");
  if (!fs.existsSync(main)) return true;
  const sources = newestMtime(
    packDir,
    (f) => (f.endsWith(".ts") && !f.endsWith(".d.ts")) || f === "tsconfig.json",
  );
  return sources > fs.statSync(main).mtimeMs;
}

/** Compiles the pack (`tsc -p <packDir>`); throws with tsc's output if it fails. */
export function buildPack(packDir: string): void {
  const tsc = require.resolve("typescript/bin/tsc", { paths: [packDir] });
  const r = spawnSync(process.execPath, [tsc, "-p", packDir], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`building the policy pack failed (tsc -p ${packDir}):\n${r.stdout}${r.stderr}`);
  }
  // tsc leaves an unchanged file's timestamp alone; mark the build as newer than the sources.
  const now = new Date();
  fs.utimesSync(path.join(packDir, "bin", "index.js"), now, now);
}

/** Rebuilds the pack only when `bin/` is missing or older than its sources: what every caller wants. */
export function ensurePackBuilt(packDir: string): void {
  if (isPackBuildStale(packDir)) buildPack(packDir);
}
