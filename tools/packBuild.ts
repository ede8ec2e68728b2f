/**
 * The pack runs from its compiled `bin/` (its package.json `main`). These helpers tell whether
 * `bin/` is older than the TypeScript it is built from (its own, and that of the projects its
 * tsconfig references: the shared vocabulary), and rebuild it with `tsc -b` (what `npm run build`
 * does), which rebuilds a stale reference first.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

function newestMtime(dir: string, keep: (file: string) => boolean): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", "bin", "dist"].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, keep));
    else if (keep(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The folders of the projects `dir/tsconfig.json` references (none when it is missing or empty). */
function referencedDirs(dir: string): string[] {
  const file = path.join(dir, "tsconfig.json");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (text.trim() === "") return [];
  const { references = [] } = JSON.parse(text) as {
    references?: { path: string }[];
  };
  return references.map((r) => path.resolve(dir, r.path));
}

const isSource = (f: string) => (f.endsWith(".ts") && !f.endsWith(".d.ts")) || f === "tsconfig.json";

/**
 * Whether the pack's compiled main is missing or older than any .ts source or tsconfig of the
 * pack or of a project its tsconfig references.
 */
export function isPackBuildStale(packDir: string): boolean {
  const main = path.join(packDir, "bin", "index.js");
  if (!fs.existsSync(main)) return true;
  const sources = Math.max(...[packDir, ...referencedDirs(packDir)].map((d) => newestMtime(d, isSource)));
  return sources > fs.statSync(main).mtimeMs;
}

/** Compiles the pack and what it references (`tsc -b <packDir>`); throws with tsc's output if it fails. */
export function buildPack(packDir: string): void {
  const tsc = require.resolve("typescript/bin/tsc", { paths: [packDir] });
  const r = spawnSync(process.execPath, [tsc, "-b", packDir], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`building the policy pack failed (tsc -b ${packDir}):\n${r.stdout}${r.stderr}`);
  }
  // tsc leaves an unchanged file's timestamp alone; mark the build as newer than the sources.
  const now = new Date();
  fs.utimesSync(path.join(packDir, "bin", "index.js"), now, now);
}

/** Rebuilds the pack only when `bin/` is missing or older than its sources: what every caller wants. */
export function ensurePackBuilt(packDir: string): void {
  if (isPackBuildStale(packDir)) buildPack(packDir);
}
