/** Progress on a terminal, one overwritten line on standard error; silent when piped. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { onInput: undefined, onStore: undefined, done() {} };
  return {
    onInput(name: string, index: number, total: number) {
      stream.write(`\r\x1b[Kreading ${index + 1}/${total}: ${name}`);
    },
    onStore(
      name: string,
      { rows, totalRows, seconds }: { rows: number; totalRows: number; seconds: number },
    ) {
      const share = totalRows > 0 ? ` of ${totalRows.toLocaleString('en-US')}` : '';
      stream.write(
        `\r\x1b[Kquerying ${name}: ${rows.toLocaleString('en-US')}${share} rows read, ${Math.round(seconds)} s`,
      );
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
