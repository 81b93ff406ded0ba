/**
 * Files that are not text: a library database kept beside the evidence, a screenshot, an archive.
 * They are recognised by their first bytes, as `file(1)` does, and skipped rather than read as logs.
 */
/** What `binaryKind` calls the archives a bundle reads as the folders they hold. */
export const ZIP_ARCHIVE = 'a ZIP archive';
export const TAR_ARCHIVE = 'a tar archive';
/** A `.tgz`: compressed, under a name that does not say so. */
export const GZIP_UNNAMED = 'a gzip archive not named .gz';

const SIGNATURES: [bytes: number[], what: string][] = [
  [[...Buffer.from('SQLite format 3'), 0], 'an SQLite database'],
  [[0x37, 0x7f, 0x06, 0x82], 'an SQLite write-ahead log'],
  [[0x37, 0x7f, 0x06, 0x83], 'an SQLite write-ahead log'],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[...Buffer.from('GIF8')], 'a GIF image'],
  [[...Buffer.from('%PDF-')], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], ZIP_ARCHIVE],
  [[0x50, 0x4b, 0x05, 0x06], ZIP_ARCHIVE],
  [[0x1f, 0x8b], GZIP_UNNAMED],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
];

/** Where a tar archive names its format (`ustar`). */
const TAR_MAGIC = 257;

const startsWith = (head: Buffer, bytes: number[]) =>
  head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/**
 * What kind of binary file begins with `head`, in a user's words, or null for text.
 * @example binaryKind(Buffer.from('SQLite format 3\0…')) // 'an SQLite database'
 */
export function binaryKind(head: Buffer): string | null {
  for (const [bytes, what] of SIGNATURES) if (startsWith(head, bytes)) return what;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]))
    return 'UTF-16 text (save it as UTF-8 to have it read)';
  // A log may begin with NUL bytes (a file truncated under a writer that kept its offset), so a
  // NUL alone does not make a file binary.
  return head.toString('latin1', TAR_MAGIC, TAR_MAGIC + 5) === 'ustar' ? TAR_ARCHIVE : null;
}
