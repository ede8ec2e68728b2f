import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isPackBuildStale } from "../../tools/packBuild";

describe("isPackBuildStale", () => {
  let dir: string;
  const touch = (file: string, secondsAgo: number) => {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, "");
    const t = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(full, t, t);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-build-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is stale when bin/index.js is missing", () => {
    touch("index.ts", 10);
    assert.strictEqual(isPackBuildStale(dir), true);
  });
  it("is fresh when the build is newer than every source", () => {
    touch("index.ts", 20);
    touch("resources/a.ts", 20);
    touch("bin/index.js", 10);
    assert.strictEqual(isPackBuildStale(dir), false);
  });
  it("is stale when a nested source or the tsconfig changed after the build", () => {
    touch("bin/index.js", 10);
    touch("resources/a.ts", 5);
    assert.strictEqual(isPackBuildStale(dir), true);
    touch("resources/a.ts", 20);
    touch("tsconfig.json", 5);
    assert.strictEqual(isPackBuildStale(dir), true);
  });
  it("ignores declaration files and node_modules", () => {
    touch("bin/index.js", 10);
    touch("types.d.ts", 5);
    touch("node_modules/x/index.ts", 5);
    assert.strictEqual(isPackBuildStale(dir), false);
  });
});

describe("isPackBuildStale, with a referenced project (the shared vocabulary)", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "pack-build-ref-"));
    fs.mkdirSync(path.join(root, "pack", "bin"), { recursive: true });
    fs.mkdirSync(path.join(root, "shared", "dist"), { recursive: true });
    fs.writeFileSync(
      path.join(root, "pack", "tsconfig.json"),
      JSON.stringify({ references: [{ path: "../shared" }] }),
    );
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const at = (file: string, secondsAgo: number) => {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) fs.writeFileSync(full, "");
    const t = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(full, t, t);
  };

  it("is stale when a referenced project's source changed after the build, not its dist", () => {
    at("pack/tsconfig.json", 30);
    at("pack/bin/index.js", 10);
    at("shared/dist/index.d.ts", 5);
    assert.strictEqual(isPackBuildStale(path.join(root, "pack")), false);
    at("shared/index.ts", 5);
    assert.strictEqual(isPackBuildStale(path.join(root, "pack")), true);
  });
});
