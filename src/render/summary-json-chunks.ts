/** Chunks are cut at about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A summary as `JSON.stringify(summary, null, 2) + '\n'` writes it, byte for
 * byte, but in chunks of about 64K characters: each list is serialized one
 * element at a time, so a summary of any size is written without ever being
 * one string (V8 cannot hold a string past 512 MiB).
 * @example for (const chunk of summaryJsonChunks(summary)) await writeOut(chunk)
 */
export function* summaryJsonChunks(summary: object): Generator<string> {
  let buffer = '{';
  let first = true;
  for (const [key, value] of Object.entries(summary)) {
    if (value === undefined || typeof value === 'function') continue;
    buffer += `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (!Array.isArray(value) || value.length === 0) {
      buffer += indent(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    buffer += '[';
    for (let i = 0; i < value.length; i++) {
      buffer += `${i === 0 ? '' : ','}\n    ${indent(JSON.stringify(value[i] ?? null, null, 2), '    ')}`;
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += '\n  ]';
  }
  yield `${buffer}${first ? '}' : '\n}'}\n`;
}

/** JSON text nested one level deeper: its line breaks (never inside a string) gain the indent. */
function indent(json: string, by: string): string {
  return json.includes('\n') ? json.replace(/\n/g, `\n${by}`) : json;
}
