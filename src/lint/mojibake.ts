// UTF-8 text that was once decoded as Mac Roman or Windows-1252 and saved again (seeds 002, 004).

/** Bytes 0x80–0xFF as Mac Roman shows them. */
const MAC_ROMAN =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';
/** Bytes 0x80–0x9F as Windows-1252 shows them (its undefined bytes pass through as C1 controls). */
const CP1252_LOW = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** Bytes Windows-1252 leaves undefined, which the mis-decoding step usually dropped. */
const CP1252_DROPPED = [0x9d, 0x81, 0x8d, 0x8f, 0x90];

type ByteMap = Map<string, number>;

function byteMap(chars: string): ByteMap {
  const map: ByteMap = new Map();
  for (const [i, c] of [...chars].entries()) map.set(c, 0x80 + i);
  return map;
}

const LATIN1_HIGH = Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');
const macRoman = byteMap(MAC_ROMAN);
const cp1252 = byteMap(CP1252_LOW + LATIN1_HIGH);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A decoded character counts only when it is no Latin letter: real mojibake turns into symbols. */
function decodeSymbol(bytes: number[]): string | null {
  try {
    const text = utf8.decode(Uint8Array.from(bytes));
    return [...text].every((c) => c.codePointAt(0)! > 0x24f) ? text : null;
  } catch {
    return null;
  }
}

const sequenceLength = (lead: number) =>
  lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
const isContinuation = (b: number | undefined) => b != null && b >= 0x80 && b <= 0xbf;

function repairRun(run: string, map: ByteMap, dropped: number[]): string {
  const chars = [...run];
  const bytes = chars.map((c) => map.get(c)!);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const n = sequenceLength(bytes[i]);
    const tail = bytes.slice(i + 1, i + n);
    if (n && tail.length === n - 1 && tail.every(isContinuation)) {
      const symbol = decodeSymbol(bytes.slice(i, i + n));
      if (symbol) {
        out += symbol;
        i += n;
        continue;
      }
    }
    // A three-byte sequence missing its middle byte: try the bytes the first decoding dropped.
    if (n === 3 && isContinuation(bytes[i + 1]) && dropped.length) {
      const guess = dropped
        .map((b) => decodeSymbol([bytes[i], b, bytes[i + 1]]))
        .find((s) => s && /\p{So}/u.test(s));
      if (guess) {
        out += guess;
        i += 2;
        continue;
      }
    }
    out += chars[i];
    i++;
  }
  return out;
}

function runPattern(map: ByteMap): RegExp {
  const chars = [...map.keys()].map((c) => c.replace(/[\\\]\-^]/g, '\\$&')).join('');
  return new RegExp(`[${chars}]{2,}`, 'gu');
}

const MAC_RUNS = runPattern(macRoman);
const CP1252_RUNS = runPattern(cp1252);

/**
 * Repairs UTF-8 that was read as Mac Roman or Windows-1252 (`‚úó` → `✗`, `âœ…` → `✅`); text
 * that does not decode is left as it was, and line breaks never move.
 * @example repairMojibake('‚úì RESTORED') // '✓ RESTORED'
 */
export function repairMojibake(text: string): string {
  if (![...text].some((c) => c.codePointAt(0)! > 0x7f)) return text;
  const mac = text.replace(MAC_RUNS, (run) => repairRun(run, macRoman, []));
  return mac.replace(CP1252_RUNS, (run) => repairRun(run, cp1252, CP1252_DROPPED));
}

/** True when the text holds a sequence that looks mis-decoded. */
export const hasMojibake = (text: string) => repairMojibake(text) !== text;
