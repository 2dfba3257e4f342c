/** Chunks are cut at about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A summary as `JSON.stringify(summary, null, 2) + '\n'` writes it, byte for
 * byte, but in chunks of about 64K characters: every list, at any depth (a
 * product's codes as well as `byCode`), is serialized one element at a
 * time, so a summary of any size is written without ever being one string
 * (V8 cannot hold a string past 512 MiB).
 * @example for (const chunk of summaryJsonChunks(summary)) await writeOut(chunk)
 */
export function* summaryJsonChunks(summary: object): Generator<string> {
  const out = { text: '' };
  yield* writeValue(summary, '', out);
  yield `${out.text}\n`;
}

/** Appends `value` as JSON.stringify(…, null, 2) writes it at `indent`, handing over full chunks as they fill. */
function* writeValue(value: unknown, indent: string, out: { text: string }): Generator<string> {
  if (value === null || typeof value !== 'object') {
    out.text += JSON.stringify(value) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.text += '[]';
      return;
    }
    out.text += '[';
    for (let i = 0; i < value.length; i++) {
      out.text += `${i === 0 ? '' : ','}\n${inner}`;
      const item: unknown = value[i];
      yield* writeValue(item === undefined || typeof item === 'function' ? null : item, inner, out);
      if (out.text.length >= CHUNK_CHARS) {
        yield out.text;
        out.text = '';
      }
    }
    out.text += `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function') continue;
    out.text += `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* writeValue(field, inner, out);
  }
  out.text += first ? '{}' : `\n${indent}}`;
}
