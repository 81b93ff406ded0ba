import type { Nodes } from 'mdast';
import type { PostmortemDocument } from '../lint/index.js';

const FAILING =
  /\b(error|err|exception|fatal|panic(ked)?|timed out|timeout|refused|failed|failure|unreachable|exhausted)\b/i;

/** The message of a JSON log line (`message`, `msg`, `error`, nested under `fields` too), else the line. */
function messageOf(line: string): string {
  if (!line.trim().startsWith('{')) return line;
  try {
    const record = JSON.parse(line) as Record<string, unknown>;
    const fields = { ...record, ...((record.fields as Record<string, unknown>) ?? {}) };
    const parts = ['message', 'msg', 'error', 'err']
      .map((k) => fields[k])
      .filter((v): v is string => typeof v === 'string');
    return parts.length ? parts.join(': ') : line;
  } catch {
    return line;
  }
}

/** A log line reduced to its template: numbers, ids, hex and quoted values become `<*>`, as the log miner writes them. */
export function logTemplateOf(line: string): string {
  return messageOf(line)
    .replace(/^\S*\d{2}:\d{2}:\d{2}\S*\s*/, '')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<*>')
    .replace(/\b0x[0-9a-f]+\b|\b[0-9a-f]{12,}\b/gi, '<*>')
    .replace(/\b\d+(\.\d+)*(ms|s|m|h|%)?\b/g, '<*>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** Failing log lines quoted in a postmortem's code blocks, as templates. */
export function quotedLogTemplates(doc: PostmortemDocument, limit = 10): string[] {
  const templates = new Set<string>();
  const visit = (node: Nodes) => {
    if (node.type === 'code')
      for (const line of node.value.split('\n'))
        if (FAILING.test(line) && line.trim().length > 10) templates.add(logTemplateOf(line));
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(doc.tree);
  return [...templates].slice(0, limit);
}

const words = (template: string) => new Set(template.toLowerCase().match(/[a-z][a-z_-]{2,}/g) ?? []);

/** True when two templates share most of their words: the same failure, told by different tools. */
export function sameTemplate(a: string, b: string, threshold = 0.6): boolean {
  const [x, y] = [words(a), words(b)];
  if (!x.size || !y.size) return false;
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared) >= threshold;
}
