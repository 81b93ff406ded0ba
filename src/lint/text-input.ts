import type { Input, Line } from '../bundle/index.js';

/** An in-memory input, so a document already read can go through a source's `read()`. */
export function textInput(name: string, text: string): Input {
  const lines = text.split('\n');
  return {
    path: name,
    name,
    isDirectory: false,
    sample: text.slice(0, 64 * 1024),
    entries: [],
    size: Buffer.byteLength(text),
    lines: async function* (): AsyncIterable<Line> {
      let offset = 0;
      for (let i = 0; i < lines.length; i++) {
        yield { text: lines[i], number: i + 1, offset };
        offset += Buffer.byteLength(lines[i]) + 1;
      }
    },
  };
}
