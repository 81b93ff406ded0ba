import type { List, ListItem, RootContent, Table } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { z } from 'zod';
import type { PostmortemDocument } from './parse.js';
import { normaliseTitle, type Section } from './sections.js';
import { startsWithActionVerb } from './verbs.js';

export const ActionStatus = z.enum(['open', 'in_progress', 'done']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** One follow-up as the author wrote it; owner and due are the written text, null when absent. */
export const ActionItem = z.object({
  action: z.string(),
  owner: z.string().nullable(),
  due: z.string().nullable(),
  status: ActionStatus.nullable(),
  line: z.number().int(),
});
export type ActionItem = z.infer<typeof ActionItem>;

const OWNER_TEXT =
  /\b(?:owners?|assignee|assigned to|responsible|dri)\*{0,2}\s*[:=–—-]\s*\*{0,2}\s*([^,;|)\n]+)/i;
const HANDLE = /(?<![\w.])@[A-Za-z][\w-]+/;
const DUE_TEXT =
  /\b(?:due(?: date)?|deadline|eta|target date|by)\*{0,2}\s*[:=–—-]?\s*\*{0,2}\s*((?:\d{4}-\d{2}-\d{2})|(?:\[[^\]]+\])|(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:,? \d{4})?)|(?:q[1-4] \d{4})|(?:end of (?:the )?(?:day|week|month|quarter|sprint|year))|(?:next (?:week|sprint|month|quarter)))/i;
const ISO_DATE = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/;
/** A timeframe in a subsection title, such as "Short-term (Within 24 Hours)" or "(Q4 2025 - Q1 2026)". */
const TIMEFRAME =
  /\b(within \d+ \w+|this (week|month|quarter|sprint)|next (week|month|quarter|sprint)|q[1-4] \d{4}|by \w+ \d{4}|\d{4}-\d{2}-\d{2})\b/i;
const DONE_TITLE = /\b(completed|done|finished|resolved)\b/i;

const ROLE = {
  action: /^(action( item)?s?|item|task|what|description|follow[- ]?ups?|title|summary)$/i,
  owner: /^(owner|owner[_ ]?role|assignee|who|responsible|team|dri)$/i,
  due: /^(due|due date|deadline|target( date)?|by when|eta|when|date)$/i,
  status: /^(status|state|done)$/i,
};

export function readStatus(text: string | null | undefined): ActionStatus | null {
  if (!text) return null;
  if (/\b(done|complete|completed|closed|resolved|fixed|finished)\b|✅|✓|✔/i.test(text)) return 'done';
  if (/\b(in[ -]?progress|ongoing|started|wip|doing)\b|🔄/i.test(text)) return 'in_progress';
  if (/\b(open|planned|todo|to do|not started|pending|backlog)\b|📋/i.test(text)) return 'open';
  return null;
}

const clean = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–—-]+|[\s:–—-]+$/g, '')
    .trim();

/** Owner, due and status from a paragraph such as "**Owner**: [Name]  **Due**: [Date]" under a list. */
function fieldsOf(text: string) {
  return {
    owner: text.match(OWNER_TEXT)?.[1]?.trim() ?? text.match(HANDLE)?.[0] ?? null,
    due: text.match(DUE_TEXT)?.[1] ?? text.match(ISO_DATE)?.[0] ?? null,
  };
}

interface Context {
  owner: string | null;
  due: string | null;
  status: ActionStatus | null;
}

function fromTable(table: Table, context: Context): ActionItem[] {
  const [head, ...rows] = table.children;
  const header = head.children.map((c) => textOf(c).trim());
  const column = (re: RegExp) => header.findIndex((h) => re.test(h.replace(/[*_`]/g, '').trim()));
  const action = column(ROLE.action);
  if (action < 0) return [];
  const owner = column(ROLE.owner);
  const due = column(ROLE.due);
  const status = column(ROLE.status);
  const cell = (row: (typeof rows)[number], i: number) =>
    i >= 0 ? clean(textOf(row.children[i] ?? { type: 'text', value: '' })) || null : null;
  return rows
    .filter((row) => cell(row, action))
    .map((row) => ({
      action: cell(row, action)!,
      owner: cell(row, owner) ?? context.owner,
      due: cell(row, due) ?? context.due,
      status: readStatus(cell(row, status)) ?? context.status,
      line: row.position?.start.line ?? 0,
    }));
}

/** The item's own words (first paragraph), the bold lead-in taken as the action when there is one. */
function itemText(item: ListItem): { action: string; whole: string; isGroup: boolean } {
  const first = item.children.find((c) => c.type === 'paragraph');
  const whole = first ? textOf(first) : '';
  const lead =
    first?.type === 'paragraph' && first.children[0]?.type === 'strong' ? textOf(first.children[0]) : null;
  const rest = lead != null ? whole.slice(lead.length).trim() : '';
  const isGroup = /:\s*$/.test(whole.trim()) && !rest.replace(/^:/, '').trim();
  return { action: clean(lead && lead.length > 3 ? lead : whole.split('\n')[0]), whole, isGroup };
}

function fromList(list: List, context: Context): ActionItem[] {
  const items: ActionItem[] = [];
  for (const item of list.children) {
    const { action, whole, isGroup } = itemText(item);
    const fields = fieldsOf(whole);
    const status =
      item.checked === true
        ? 'done'
        : (readStatus(whole.match(/\bstatus\s*:\s*([^,;|\n]+)/i)?.[1]) ??
          (item.checked === false ? 'open' : context.status));
    const own: Context = { owner: fields.owner ?? context.owner, due: fields.due ?? context.due, status };
    const nested = item.children.filter((c): c is List => c.type === 'list');
    if (isGroup && nested.length) {
      for (const list of nested) items.push(...fromList(list, own));
      continue;
    }
    if (!action) continue;
    items.push({
      action,
      owner: own.owner,
      due: own.due,
      status: own.status,
      line: item.position?.start.line ?? 0,
    });
  }
  return items;
}

/** Reads the items of one action section, its subsections' titles lending status and timeframe. */
function fromSection(section: Section): ActionItem[] {
  const items: ActionItem[] = [];
  let context: Context = { owner: null, due: null, status: DONE_TITLE.test(section.title) ? 'done' : null };
  let pending: ActionItem[] = [];
  const visit = (node: RootContent) => {
    if (
      node.type === 'heading' ||
      (node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'strong')
    ) {
      const title = normaliseTitle(textOf(node));
      context = {
        owner: null,
        due: title.match(TIMEFRAME)?.[0] ?? null,
        status: DONE_TITLE.test(title) ? 'done' : null,
      };
      pending = [];
      return;
    }
    if (node.type === 'list') pending = fromList(node, context);
    else if (node.type === 'table') pending = fromTable(node, context);
    else if (node.type === 'paragraph') {
      // "**Owner**: [Name]" after a list applies to that list's items (seed 004).
      const fields = fieldsOf(textOf(node));
      for (const item of pending) {
        item.owner ??= fields.owner;
        item.due ??= fields.due;
      }
      return;
    } else return;
    items.push(...pending);
  };
  for (const node of section.nodes) visit(node);
  return items.length ? items : fromProse(section);
}

/** Sections written as prose, one instruction per line ("Hire a SecOps lead.\nAdd a GUI warning."). */
function fromProse(section: Section): ActionItem[] {
  return section.nodes
    .filter((node) => node.type === 'paragraph' && node.position)
    .flatMap((node) =>
      textOf(node)
        .split('\n')
        .map((text, i) => ({ text: clean(text), line: node.position!.start.line + i }))
        .filter(({ text }) => startsWithActionVerb(text)),
    )
    .map(({ text, line }) => ({ action: text, ...fieldsOf(text), status: null, line }));
}

/** Every action item of the document's action sections (Action Items, Follow-ups, Corrective Actions, …). */
export function actionItems(doc: PostmortemDocument): ActionItem[] {
  const sections = doc.sections.filter((s) => s.kind === 'actionItems');
  const outer = sections.filter(
    (s) => !sections.some((o) => o !== s && o.line < s.line && s.endLine <= o.endLine),
  );
  return outer.flatMap(fromSection);
}
