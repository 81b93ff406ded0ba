/**
 * Progress of a long store read on a terminal: one overwritten line on standard error, at most a
 * few times a second; silent when piped.
 * @example const progress = storeProgress('loki http://127.0.0.1:3100'); lokiStore(entry, { onProgress: progress.onProgress })
 */
export function storeProgress(
  name: string,
  stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'> = process.stderr,
  { everyMs = 250, now = Date.now }: { everyMs?: number; now?: () => number } = {},
) {
  if (!stream.isTTY) return { onProgress: undefined, done() {} };
  let shown = Number.NEGATIVE_INFINITY;
  let wrote = false;
  return {
    onProgress(read: number, total: number | null) {
      const finished = total !== null && read >= total;
      if (!finished && now() - shown < everyMs) return;
      shown = now();
      wrote = true;
      const count = read.toLocaleString('en-US');
      const of = total ? ` of ${total.toLocaleString('en-US')} (${Math.floor((100 * read) / total)} %)` : '';
      stream.write(`\r\x1b[Kreading ${name}: ${count}${of} lines`);
    },
    done() {
      if (wrote) stream.write('\r\x1b[K');
    },
  };
}
