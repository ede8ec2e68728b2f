/**
 * A file's bytes, at most `maxBytes`: a device or pipe that never ends (`/dev/zero`,
 * `/dev/urandom`) stops there with `tooLarge()`, instead of filling memory until Node gives up.
 * `stat`'s size says nothing for those (0), so the bytes are counted as they arrive.
 */
import { createReadStream } from "fs";
import { stat } from "fs/promises";

export async function readBounded(file: string, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const info = await stat(file);
  if (info.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
  if (info.isFile() && info.size > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = createReadStream(file);
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(b);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, size);
}
