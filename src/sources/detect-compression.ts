/** Compressed formats recognized by their first bytes. */
export type Compression = 'gzip' | 'zstd' | 'xz' | 'bzip2' | 'lz4' | 'zip';

/** Bytes enough to recognize any of them. */
export const MAGIC_BYTES = 10;

const BZIP2_BLOCK = [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];
const BZIP2_END = [0x17, 0x72, 0x45, 0x38, 0x50, 0x90];

/**
 * The compression a stream's first bytes announce, or null for anything
 * else (read as text). Magic numbers are binary, so no log line starts with
 * one; bzip2's `BZh` is checked up to its block signature.
 * @example detectCompression(Buffer.from([0x28, 0xb5, 0x2f, 0xfd])) // 'zstd'
 */
export function detectCompression(head: Buffer): Compression | null {
  // gzip's method byte: 8 (deflate) is the only one RFC 1952 defines, and every gzip writes it.
  if (startsWith(head, [0x1f, 0x8b, 0x08])) return 'gzip';
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (startsWith(head, [0x04, 0x22, 0x4d, 0x18])) return 'lz4';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0x42, 0x5a, 0x68]) && head.length >= 10 && head[3]! >= 0x31 && head[3]! <= 0x39) {
    const signature = head.subarray(4, 10);
    if (startsWith(signature, BZIP2_BLOCK) || startsWith(signature, BZIP2_END)) return 'bzip2';
  }
  return null;
}

/** The program that decodes each compression mqerr does not decode itself, reading stdin (`-dc`): see ExternalDecoder. */
export const DECODE_PROGRAM: Record<Exclude<Compression, 'gzip' | 'zip'>, string> = {
  zstd: 'zstd',
  xz: 'xz',
  bzip2: 'bzip2',
  lz4: 'lz4',
};

/** What extracts a zip archive's files to stdout, for the message that refuses one. */
export const ZIP_EXTRACT = 'unzip -p';

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}
