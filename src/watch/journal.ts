import { closeSync, fsyncSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The evidence files of one watch in its bundle folder. Each record is appended as one JSON line
 * and flushed to disk at once, so a crash of `watch` loses at most the record being written.
 */
export class Journal {
  private readonly files = new Map<string, number>();

  constructor(readonly folder: string) {}

  /** Appends one record to `name` (e.g. health-checks.jsonl) and flushes it. */
  append(name: string, record: object): void {
    let fd = this.files.get(name);
    if (fd === undefined) {
      fd = openSync(join(this.folder, name), 'a');
      this.files.set(name, fd);
    }
    writeSync(fd, `${JSON.stringify(record)}\n`);
    fsyncSync(fd);
  }

  /** Replaces a whole file at once (write aside, then rename): a reader never sees half of it. */
  replace(name: string, text: string): void {
    const aside = join(this.folder, `.${name}.partial`);
    writeFileSync(aside, text);
    renameSync(aside, join(this.folder, name));
  }

  close(): void {
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }
}
