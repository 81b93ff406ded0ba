import { redactText } from './redact/index.js';

/** Input that cannot be used at all: the CLI turns it into exit status 2 and one line. */
export class InputError extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    message: string,
    readonly line: number | null = null,
  ) {
    // The line may quote what was read (a value, a URL): no secret in it reaches stderr.
    super(redactText(`${file}${line != null ? `:${line}` : ''}: ${message}`));
    this.name = 'InputError';
  }
}
