/**
 * Writing the report to stdout: in chunks, with the stream's backpressure, and ending quietly
 * when the reader goes away (`audit | head` closes the pipe: EPIPE). Without an `error` listener
 * Node.js turns that EPIPE into an uncaught exception with a stack trace.
 */
import { Write } from "./organization/types";

/** The reader closed its end of the output (EPIPE): stop writing, say nothing. */
export class OutputClosedError extends Error {
  constructor() {
    super("the output was closed by its reader");
    this.name = "OutputClosedError";
  }
}

/** Writing failed for another reason (a full disk, say): one line, exit 2. */
export class OutputError extends Error {}

const closedCodes = new Set(["EPIPE", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END"]);
const failures = new WeakMap<NodeJS.WritableStream, Error>();

function asOutputFailure(e: NodeJS.ErrnoException): Error {
  return closedCodes.has(e.code ?? "")
    ? new OutputClosedError()
    : new OutputError(`cannot write the output: ${e.code ?? e.message}`);
}

/**
 * Listens for the stream's write errors (once per stream) and remembers the first, so that no
 * write error becomes an uncaught exception and later writes fail at once.
 */
export function guardStream(stream: NodeJS.WritableStream): void {
  if (stream.listeners("error").includes(remember)) return;
  stream.on("error", remember);
}

function remember(this: NodeJS.WritableStream, e: NodeJS.ErrnoException): void {
  if (!failures.has(this)) failures.set(this, asOutputFailure(e));
}

/** A Write to `stream` that resolves once the stream took the text, and rejects OutputClosedError or OutputError. */
export function streamWrite(stream: NodeJS.WritableStream = process.stdout): Write {
  guardStream(stream);
  return (text) =>
    new Promise((resolve, reject) => {
      const failed = failures.get(stream);
      if (failed) return reject(failed);
      stream.write(text, (e) => (e ? reject(failures.get(stream) ?? asOutputFailure(e)) : resolve()));
    });
}

/** Writes the chunks in order, gathered into writes of about `size` characters. */
export async function writeChunks(chunks: Iterable<string>, write: Write, size = 64 * 1024): Promise<void> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      await write(pending.join(""));
      pending = [];
      length = 0;
    }
  }
  if (length > 0) await write(pending.join(""));
}
