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
