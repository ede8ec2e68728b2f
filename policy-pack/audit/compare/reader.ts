/** Checks the values of `--compare PREVIOUS.json` one at a time; a wrong one is one line naming the file and the field. */

export class CompareError extends Error {}

export type Json = unknown;
export type Obj = Record<string, Json>;

/** Checks one JSON value at a path; throws the one-line message naming it. */
export class Reader {
  constructor(private readonly file: string) {}

  fail(path: string, expected: string, got: Json): never {
    const shown = got === undefined ? "nothing" : JSON.stringify(got).slice(0, 60);
    throw new CompareError(
      `--compare ${this.file}: ${path} must be ${expected}; got ${shown}. Give an earlier --format json output of this audit`,
    );
  }
  obj(v: Json, path: string): Obj {
    if (typeof v !== "object" || v === null || Array.isArray(v)) this.fail(path, "an object", v);
    return v as Obj;
  }
  arr(v: Json, path: string): Json[] {
    if (!Array.isArray(v)) this.fail(path, "a list", v);
    return v;
  }
  str(v: Json, path: string): string {
    if (typeof v !== "string") this.fail(path, "a string", v);
    return v;
  }
  strOrNull(v: Json, path: string): string | null {
    return v === null ? null : this.str(v, path);
  }
  bool(v: Json, path: string): boolean {
    if (typeof v !== "boolean") this.fail(path, "true or false", v);
    return v;
  }
  time(v: Json, path: string): string {
    const s = this.str(v, path);
    if (Number.isNaN(Date.parse(s))) this.fail(path, "an ISO 8601 time", v);
    return s;
  }
  timeOrNull(v: Json, path: string): string | null {
    return v === null ? null : this.time(v, path);
  }
}
