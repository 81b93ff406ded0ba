/**
 * Tells whether bytes [start, end) of a block hold `byte`, for lines asked about in order: one
 * forward search per block (and per such byte found), not one per line.
 * @example const hasNul = byteFinder(0); hasNul(block, 0, 80)
 */
export function byteFinder(byte: number) {
  let searched: Buffer | null = null;
  let from = 0;
  let at = -1;
  return (block: Buffer, start: number, end: number): boolean => {
    if (block !== searched || start < from || (at >= 0 && at < start)) {
      searched = block;
      from = start;
      at = block.indexOf(byte, start);
    }
    return at >= 0 && at < end;
  };
}
