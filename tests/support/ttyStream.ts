import { PassThrough } from "stream";

/** A stream that records what is written to it, posing as a terminal (isTTY) or not. */
export function recordingStream(
  isTTY: boolean,
  columns = 80,
): NodeJS.WriteStream & { written: () => string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & { written: () => string };
  let text = "";
  s.on("data", (d: Buffer) => (text += d.toString()));
  Object.assign(s, { isTTY, columns, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  s.written = () => text;
  return s;
}
