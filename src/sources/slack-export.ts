import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Input } from '../bundle/index.js';
import { InputError } from '../errors.js';
import type { RawEvent, ReadContext, Source } from '../model/index.js';
import { asObject, asText, parsePayloads } from './json-payloads.js';
import { documentOf } from './read-text.js';
import { slackText } from './slack-text.js';

type Obj = Record<string, unknown>;

const MARKERS = ['channels.json', 'users.json', 'groups.json', 'mpims.json', 'dms.json'];
const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
/** Housekeeping that says nothing about the incident. */
const SKIPPED = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'bot_add',
  'bot_remove',
  'tombstone',
  'message_deleted',
  'pinned_item',
  'unpinned_item',
  'reminder_add',
  'channel_archive',
  'channel_unarchive',
]);

interface Person {
  name: string;
  title?: string;
}

/** A JSON file of the export, or undefined when it is missing or unreadable (reported unless missing). */
async function readJson(input: Input, file: string, ctx: ReadContext): Promise<unknown | undefined> {
  if (!input.entries.includes(file)) return undefined;
  try {
    return JSON.parse(await documentOf(join(input.path, file), ctx, { label: `${file}: ` }));
  } catch (error) {
    ctx.skip(null, `${file}: cannot be read (${(error as Error).message.slice(0, 200)})`);
    return undefined;
  }
}

function personOf(u: Obj): Person {
  const profile = asObject(u.profile) ?? u;
  const name =
    asText(profile.display_name) ?? asText(profile.real_name) ?? asText(u.real_name) ?? asText(u.name) ?? '';
  return { name, title: asText(profile.title) };
}

async function people(input: Input, ctx: ReadContext): Promise<Map<string, Person>> {
  const users = await readJson(input, 'users.json', ctx);
  if (!input.entries.includes('users.json')) ctx.skip(null, 'users.json missing: user ids shown as ids');
  else if (users !== undefined && !Array.isArray(users))
    ctx.skip(null, 'users.json is not a JSON array of users: user ids shown as ids');
  const map = new Map<string, Person>();
  for (const u of Array.isArray(users) ? users : []) {
    const user = asObject(u);
    if (user?.id) map.set(String(user.id), personOf(user));
  }
  return map;
}

async function channelNames(input: Input, ctx: ReadContext): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const file of ['channels.json', 'groups.json', 'mpims.json']) {
    const list = await readJson(input, file, ctx);
    if (list !== undefined && !Array.isArray(list))
      ctx.skip(null, `${file} is not a JSON array of channels: channel ids shown as ids`);
    for (const c of Array.isArray(list) ? list : []) {
      const channel = asObject(c);
      if (channel?.id && channel.name) map.set(String(channel.id), String(channel.name));
    }
  }
  return map;
}

/** Slack ts is epoch seconds with a per-channel sequence suffix; keep it whole for the ref. */
function tsMs(ts: unknown): number | null {
  const m = String(ts ?? '').match(/^(\d{9,11})(?:\.(\d{1,6}))?$/);
  return m ? Number(m[1]) * 1000 + Math.floor(Number((m[2] ?? '0').padEnd(6, '0')) / 1000) : null;
}

/** Text of a message, or of what it carries (a bot's attachment, a shared file) when it has none. */
function bodyOf(m: Obj): string {
  const attachment = asObject(Array.isArray(m.attachments) ? m.attachments[0] : null) ?? {};
  const file = asObject(Array.isArray(m.files) ? m.files[0] : null) ?? {};
  return (
    asText(m.text) ??
    asText(attachment.fallback) ??
    asText(attachment.text) ??
    asText(attachment.title) ??
    asText(file.title) ??
    ''
  );
}

interface Where {
  channel: string;
  file: string;
  line: number;
}

/** Who wrote a message: users.json first, then the profile the message carries, then a bot's name. */
function speaker(m: Obj, users: Map<string, Person>): { id?: string; name?: string; title?: string } {
  const id = asText(m.user) ?? asText(m.bot_id);
  const person = id ? users.get(id) : undefined;
  const profile = asObject(m.user_profile) ?? {};
  const bot = asText(asObject(m.bot_profile)?.name);
  const name =
    person?.name ||
    asText(profile.display_name) ||
    asText(profile.real_name) ||
    asText(m.username) ||
    bot ||
    id;
  return { id, name, title: person?.title };
}

function attrsOf(m: Obj, subtype: string | undefined, who: ReturnType<typeof speaker>, channel: string): Obj {
  const thread = asText(m.thread_ts);
  return {
    user: who.name,
    ...(who.title ? { role: who.title } : {}),
    userId: who.id,
    channel,
    slackTs: m.ts,
    ...(thread && thread !== m.ts ? { thread } : {}),
    ...(Number(m.reply_count) > 0 ? { replies: Number(m.reply_count) } : {}),
    ...(subtype === 'bot_message' || m.bot_id ? { bot: true } : {}),
    ...(subtype && subtype !== 'bot_message' ? { subtype } : {}),
    ...(asObject(m.edited) ? { edited: tsMs(asObject(m.edited)!.ts) } : {}),
  };
}

function messageEvent(
  raw: Obj,
  where: Where,
  users: Map<string, Person>,
  channels: Map<string, string>,
): RawEvent | null {
  // An edit exported as its own record carries the edited message inside it.
  const m = (raw.subtype === 'message_changed' ? asObject(raw.message) : null) ?? raw;
  const subtype = asText(raw.subtype);
  if (
    (m.type !== undefined && m.type !== 'message') ||
    (subtype && SKIPPED.has(subtype)) ||
    m.hidden === true
  )
    return null;
  const ts = tsMs(m.ts);
  const names = {
    user: (id: string) => users.get(id)?.name || undefined,
    channel: (id: string) => channels.get(id),
  };
  const text = slackText(bodyOf(m), names);
  if (ts == null || !text) return null;
  const attrs = attrsOf(m, subtype, speaker(m, users), where.channel);
  const source = { file: where.file, line: where.line };
  return {
    ts,
    kind: 'chat',
    service: null,
    ref: `slack-${where.channel}-${m.ts}`,
    summary: text,
    attrs,
    source,
  };
}

async function* read(input: Input, ctx: ReadContext): AsyncIterable<RawEvent> {
  if (!input.isDirectory) {
    throw new InputError(
      'NOT_SLACK_EXPORT',
      input.name,
      'not a Slack export: expected a folder with channels.json and users.json',
    );
  }
  const users = await people(input, ctx);
  const channels = await channelNames(input, ctx);
  const folders = (await readdir(input.path, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const folder of folders.sort()) {
    const days = (await readdir(join(input.path, folder))).filter((f) => DAY_FILE.test(f)).sort();
    for (const day of days) {
      const file = `${input.name}/${folder}/${day}`;
      const text = await documentOf(join(input.path, folder, day), ctx, {
        label: `${folder}/${day}: `,
      }).catch((e: Error) => e);
      if (text instanceof Error) {
        ctx.skip(null, `${folder}/${day}: cannot be read (${text.message})`);
        continue;
      }
      const { payloads, problems } = parsePayloads(text);
      for (const p of problems) ctx.skip(p.line, `${folder}/${day}: ${p.message}`);
      for (const { value, line } of payloads) {
        const message = asObject(value);
        const event = message
          ? messageEvent(message, { channel: folder, file, line }, users, channels)
          : null;
        if (event) yield event;
      }
    }
  }
}

/** A Slack workspace export: a folder with users.json, channels.json and one folder per channel. */
export const slackExport: Source = {
  name: 'slack-export',
  aliases: ['slack'],
  title: 'Slack export folder: channels.json, users.json, <channel>/YYYY-MM-DD.json (threads, bots, edits)',
  example:
    'Workspace settings → Import/Export Data → Export; put the ZIP (or the folder it holds) next to incident.yaml (or: slackdump export)',
  detect: (input) => input.isDirectory && input.entries.some((e) => MARKERS.includes(e)),
  read,
};
