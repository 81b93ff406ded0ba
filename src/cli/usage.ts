/**
 * Commander's error message as one line with a hint:
 * "hindsight: unknown option '--bogus' (run 'hindsight generate --help')".
 */
export function usageLine(message: string, helpCommand: string): string {
  const text = message
    .replace(/^error: /, '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
  return `hindsight: ${text} (run '${helpCommand}')\n`;
}
