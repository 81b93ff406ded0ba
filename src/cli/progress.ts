/** Progress on a terminal, one overwritten line on standard error; silent when piped. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { onInput: undefined, done() {} };
  return {
    onInput(name: string, index: number, total: number) {
      stream.write(`\r\x1b[Kreading ${index + 1}/${total}: ${name}`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
