/**
 * JSON written in pieces that together are exactly what `JSON.stringify(value, null, 2)` prints,
 * so a report with any number of findings is streamed, never built as one string.
 */

/** `JSON.stringify(value, null, 2)`, indented to sit `indent` spaces deep in an enclosing document. */
export const nested = (value: unknown, indent: number): string =>
  JSON.stringify(value, null, 2).replace(/\n/g, `\n${" ".repeat(indent)}`);

const properties = (o: object, indent: number): string[] =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${" ".repeat(indent)}${JSON.stringify(k)}: ${nested(v, indent)}`);

/**
 * The object `{ ...head, [key]: [...items], ...tail() }` as JSON.stringify(…, null, 2) prints it at
 * `indent`, with the items written one at a time; `tail` is called after the last item (so it
 * may report what the items added up to).
 */
export function* streamedObject(
  head: object,
  key: string,
  items: Iterable<unknown>,
  tail: () => object = () => ({}),
  indent = 0,
): Generator<string> {
  const inner = indent + 2;
  yield "{\n";
  for (const p of properties(head, inner)) yield `${p},\n`;
  yield `${" ".repeat(inner)}${JSON.stringify(key)}: [`;
  let first = true;
  for (const item of items) {
    yield `${first ? "\n" : ",\n"}${" ".repeat(inner + 2)}${nested(item, inner + 2)}`;
    first = false;
  }
  yield first ? "]" : `\n${" ".repeat(inner)}]`;
  for (const p of properties(tail(), inner)) yield `,\n${p}`;
  yield `\n${" ".repeat(indent)}}`;
}
