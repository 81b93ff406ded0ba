import type { List, ListItem, RootContent, Table } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { z } from 'zod';
import {
  addressesReader,
  adviceBlocks,
  adviceToOthers,
  advisesOthers,
  mostlyToReader,
  TO_READER,
} from './advice.js';
import { markAppliedChanges, notedDone, restsOnQuestions, struckThrough } from './applied-changes.js';
import { commitmentOf, namesPlannedChange } from './commitment.js';
import { closesDone, nowInPlace } from './done-in-item.js';
import { sectionsWithFields } from './field-sections.js';
import { statesInPlace } from './in-place.js';
import { markedText, namesExactSetting } from './item-head.js';
import { isLegend, tableValues } from './legend.js';
import { continuesNumbering, nextNumber } from './list-numbering.js';
import { ownerNamedTo } from './named-owner.js';
import { nlp, type Term, termsOf } from './nlp.js';
import type { PostmortemDocument } from './parse.js';
import { breaksDownPlan, itemTitle } from './parts-of-plan.js';
import { isPlaceholder, placeholdersIn } from './placeholder.js';
import { answersItself, reflects } from './reflection.js';
import { normaliseTitle, type Section, type SectionKind, sectionKind } from './sections.js';
import { itemLabel } from './status-label.js';
import { markDoneByLog, ownKeys, withoutKeys } from './status-log.js';
import { doneInResolution, toldDone } from './told-done.js';
import { startsWithActionVerb } from './verbs.js';
import { isTeamName, promisedByWriters, writingTeam } from './writers.js';

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

/** An action item as lint reviews it: which list it sits in, whether a tracker holds its date, what it commits to. */
export interface ListedItem extends ActionItem {
  /** The line where the item's list or table starts: items of one list share it. */
  list: number;
  /** A tracking link, ticket key or priority on the item or its heading: the tracker holds the date. */
  scheduled: boolean;
  /** The words that say what will be done: the text after a bold label, else the action. */
  commitment: string;
  /** The item rests on open questions: half or more of the notes nested under it ask one. */
  undecided?: boolean;
  /** The item's head is an exact setting or call written as code ("`OOMScoreAdjust=-1000` on …"). */
  setting?: boolean;
  /** The item is one of the options a deliberation before its list weighs ("figuring out which … are useful"). */
  option?: boolean;
  /** The item is one part of the work the paragraph before its list plans ("Add a namespace … Estimated ~3 days:"). */
  part?: boolean;
  /** The item is a sentence of prose, not a list's or a table's item. */
  prose?: boolean;
}

const OWNER_TEXT =
  /\b(?:owners?|assignee|assigned(?: to)?|responsible|dri)\*{0,2}\s*[:=–—-]\s*\*{0,2}\s*([^,;|)\n]+?)(?=\s{0,3}(?:[,;|)\n]|\.\s{0,3}$|\.\s{1,3}[A-Z][\w ]{0,20}:|$))/i;
/**
 * "Owned by Alice", "led by the SRE team", "assigned to Erin": a name in capitals after it ("owned by
 * the platform", "assigned to fix the bug" name no one).
 */
const OWNED_BY =
  /\b(?:(?:[Oo]wned|[Ll]ed|[Dd]riven)\s{1,3}by|[Aa]ssigned\s{1,3}to)\s{1,3}((?:the\s{1,3})?@?[A-Z][\w.-]{1,30}(?:\s{1,3}[A-Z][\w-]{1,30}){0,2}(?:\s{1,3}team)?)/;
const HANDLE = /(?<![\w.])@[A-Za-z][\w-]+/;
const DUE_TEXT =
  /\b(?:due(?: date)?|deadline|eta|target date|(?:estimated |expected |target )?completion(?: date)?|by)\*{0,2}\s*[:=–—-]?\s*\*{0,2}\s*((?:\d{4}[-/]\d{1,2}[-/]\d{1,2})|(?:\d{1,2}\.\d{1,2}\.\d{2,4})|(?:\d{1,2}\/\d{1,2}(?![/\d]))|(?:eo[dwmqy])\b|(?:\[[^\]]+\])|(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}(?!\d))|(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:,? \d{4})?)|(?:\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,? \d{4})?)|(?:\d{1,2}\/\d{1,2}\/\d{2,4})|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:q[1-4] \d{4})|(?:end of (?:the )?(?:day|week|month|quarter|sprint|year))|(?:next (?:week|sprint|month|quarter)))/i;
const ISO_DATE = /(?<!\d)\d{4}([-/])\d{2}\1\d{2}(?!\d)/;
/**
 * A timeframe in a subsection title, such as "Short-term (Within 24 Hours)", "(Q4 2025 - Q1 2026)"
 * or a month named as the limit ("Mid term (before end of June)"); in an item, a coming moment it
 * waits for ("once the first expiration date comes around").
 */
const TIMEFRAME =
  /\b(within \d+ \w+|(?:in|next) \d{1,3} (?:days|weeks|months|sprints)|eo[wmqy]|this (week|month|quarter|sprint|year)|next (week|month|quarter|sprint|year)|q[1-4](?: \d{4})?|h[12] \d{4}|by \w+ \d{4}|\d{4}-\d{2}-\d{2}|(?:in )?the (?:coming|next) (?:few )?(?:days|weeks|months)|(?:by |before )?(?:the )?end of (?:the )?(?:week|month|quarter|sprint|year)|(?:by|before) (?:the )?(?:end of )?(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:once|before|by|at) the (?:next|first|upcoming) [a-z-]{3,30}(?: [a-z-]{3,30})? (?:comes? (?:around|up)|is due|arrives?))\b/i;
/** A span of days with an end in a subsection title: "Immediate Actions (0-7 days)", "Short-term (8–30 days)". */
const TITLE_SPAN = /\b\d{1,3}\s{0,2}[-–—]\s{0,2}\d{1,3}\s{1,2}(?:days|weeks|months)\b/i;
/**
 * A subheading that is nothing but "now" ("### Immediate", "**Right away**"): its items are due at
 * once, a timeframe with an end; "Immediate actions" names a kind of work, not when.
 */
const NOW_TITLE = /^(?:immediate(?:ly)?|right away|now|asap)$/;
/**
 * A title that names its work as done: "(completed)", "Done", or ending on the participle of doing
 * ("Action taken", "Changes made"); "Actions to be taken" and "What could be done to avoid this …"
 * are planned.
 */
const DONE_TITLE =
  /(?<!\b(?:can|could|should|would|will|must|to)\s{1,3}be\s{1,3})\b(completed|done|finished|resolved)\b|(?<!\bto\s{1,3}be\s{1,3})\b(?:taken|made|performed|implemented|applied)\s{0,3}:?\s{0,3}$/i;
/**
 * A tracking link or ticket key ("#2226", ".../issues/12", "OPS-123"), a ticket said to exist ("(issue
 * created)", "An issue has been created for this.") or a priority ("P1", "**HIGH**").
 */
const SCHEDULED =
  /(?:^|[\s([*_])#\d{2,7}\b|\/(?:issues|pull|browse|tickets?)\/[\w-]{1,20}|\/issues\?\S|\b[A-Z][A-Z\d]{1,9}-\d{1,6}\b|\b(?:issue|ticket)s?\s{1,3}(?:(?:has|have)\s{1,3}been\s{1,3}|(?:was|were|is|are)\s{1,3})?(?:created|filed|opened|raised)\b|\bP[0-4]\b|\b(?:HIGH|MEDIUM|LOW|CRITICAL)\b|\b(?:[Hh]igh|[Mm]edium|[Ll]ow|HIGH|MEDIUM|LOW)[\s-]{1,3}(?:[Pp]riority|PRIORITY)\b|\b(?:[Pp]riority|PRIORITY)\s{0,3}[:=]|\bin\s{1,3}priority\s{1,3}order\b/;
/**
 * A status noted in brackets at the end of an item, read from the note's first words: "… OWNER:
 * blasten@ (DONE).", "… (in progress)", "… (fixed by adding a monitoring entry)".
 */
const STATUS_NOTE = /\(\s{0,3}([A-Za-z]{2,12}(?:[ -][A-Za-z]{2,12})?)\b[^()]{0,200}\)\W{0,3}$/;
/** Marks of work already done at the start of an item: a check mark, or a verb in the past tense. */
const DONE_MARK = /^\s{0,3}(?:✅|✔️?|✓|☑️?)/u;
/**
 * A note in the item saying the work turned out to exist already: "Note: on investigation, we
 * already do this", "this is already in place".
 */
const ALREADY =
  /\b(?:we|it|this|that)\s{1,3}(?:(?:is|are|was|were)\s{1,3})?already\s{1,3}(?:do|does|did|done|have|has|handle[sd]?|in\s{1,3}place|implemented|exists?)\b/i;

const ROLE = {
  action: /^(action( item)?s?|item|task|what|description|follow[- ]?ups?|title|summary|measures?)$/i,
  owner:
    /^(owners?|owner\(s\)|owner[_ ]?role|assignees?|assignee\(s\)|assigned(?: to)?|who|responsible(?: party| team)?|accountable|teams?|dri|lead|driver|poc|point of contact)(?:\s{0,3}(?:\/\s{0,3}[\w ]{1,20}|\([\w ]{1,20}\)))?$/i,
  due: /^(due|due date|due by|deadline|target( date)?|by when|eta|when|date|timeframe)$/i,
  status: /^(status|state|done)$/i,
  /** A priority column ("Priority", "Severity"): a value there schedules the row, as a priority in the item does. */
  priority: /^(priority|prio|severity|sev)$/i,
  /** A tracker column ("Bug", "Ticket", "Tracking issue"): a ticket number or a link there schedules the row. */
  tracking: /^(bugs?|tickets?|issues?|jira|tracking(?: bug| issue| ticket| link)?|links?)$/i,
};

/** A ticket in a tracker column: a number ("Bug 5554823", "b/12345") or a link, not "n/a". */
const TICKET = /\d{3,}|https?:\/\//;
/**
 * A status written in capitals in another cell of the row, as the SRE template's Bug column writes
 * it after the ticket ("Bug 5554823 **TODO**", "n/a **DONE**"): the row's status when the table has
 * no status column.
 */
const CAPITAL_STATUS = /\b(?:DONE|TODO|TO DO|IN PROGRESS|WIP|OPEN|CLOSED|FIXED|COMPLETED?|PLANNED)\b/;

/**
 * The states of finished work a status names: closed or fixed, the change itself in place
 * ("Implemented", "Deployed", "Merged", "Documented"), or checked ("Verified").
 */
const DONE_STATE =
  'done|complete|completed|closed|resolved|fixed|finished|implemented|deployed|merged|shipped|released|landed|applied|documented|verified|in\\s{1,3}place';
const NOT_DONE = new RegExp(`\\bnot\\s{1,3}(?:yet\\s{1,3})?(?:${DONE_STATE})\\b`, 'i');
const DONE = new RegExp(`\\b(?:${DONE_STATE})\\b|✅|✓|✔|☑|\\[x\\]`, 'i');
/** A state still ahead: "to be implemented", "will be deployed". */
const STATE_AHEAD = /\b(?:to|will)\s{1,3}be\s{1,3}[a-z]{3,20}(?:ed|en)\b/i;

export function readStatus(text: string | null | undefined): ActionStatus | null {
  if (!text) return null;
  // "**not done**", "not yet completed", "not implemented", "to be deployed": the work is still open.
  if (
    NOT_DONE.test(text) ||
    STATE_AHEAD.test(text) ||
    /\bnot\s{1,3}(?:yet\s{1,3})?started\b|☐|⬜|\[ \]/i.test(text)
  )
    return 'open';
  // "Partially implemented": begun, not finished.
  if (/\bpartial(?:ly)?\b/i.test(text)) return 'in_progress';
  // "script shipped; run pending": one part done, another still ahead, is work under way.
  const parts = text.includes(';') ? text.split(';').map(readStatus) : [];
  if (parts.includes('done') && parts.includes('open')) return 'in_progress';
  if (DONE.test(text)) return 'done';
  if (/\b(in[ -]?progress|ongoing|started|wip|doing|in review)\b|🔄|⏳/i.test(text)) return 'in_progress';
  // "to be verified on next reboot", "tracked as follow-up": work still ahead.
  if (
    /\b(open|planned|todo|to do|not started|pending|backlog|follow[- ]?up|to be [a-z]{3,20}ed)\b|📋/i.test(
      text,
    )
  )
    return 'open';
  return null;
}

const clean = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–—-]+|[\s:–—-]+$/g, '')
    .trim();

/** Words that credit a handle with an idea or a report ("proposal from @timja"), not hand it the work. */
const CREDITED =
  /\b(?:proposal|proposed|idea|suggestion|suggested|credit|thanks|kudos|reported|raised)\s{1,3}(?:from|by|to)\s{1,3}$/i;

/** The first handle in the text that is not credited with the idea: the person the work is given to. */
function handleOwner(text: string): string | null {
  for (const m of text.matchAll(new RegExp(HANDLE.source, 'g')))
    if (!CREDITED.test(text.slice(Math.max(0, m.index - 40), m.index))) return m[0];
  return null;
}

/** "Owner: SRE", "assigned: Alice", "Owned by Alice": the owner the text names with a word for it. */
const ownerText = (text: string) =>
  text.match(OWNER_TEXT)?.[1]?.trim() ?? text.match(OWNED_BY)?.[1]?.replace(/\.$/, '').trim() ?? null;

/**
 * A team or a person set aside from the work, in brackets or after a dash: "Add alert (SRE team)",
 * "Add alert — Alice — 2024-01-01", "Add alert (Alice, 2024-01-01)". A name alone, as the tagger
 * knows people's names, or a noun phrase ending in "team"; "(affects the platform team)" says more.
 */
function ownerAside(text: string): string | null {
  const fields = [
    ...[...text.matchAll(/\(([^()]{1,80})\)/g)].flatMap((m) => m[1].split(/\s{0,3}[,;]\s{0,3}/)),
    ...text
      .split(/\s{1,3}[—–]\s{1,3}/)
      .slice(1)
      .flatMap((f) => f.split(/\s{0,3}[,;]\s{0,3}/)),
  ].map((f) => f.replace(/[*_]/g, '').trim());
  for (const field of fields) {
    if (
      /^(?:the\s{1,3})?(?:[\w-]{1,30}\s{1,3}){0,2}(?:team|squad|on-?call)$/i.test(field) &&
      !/^the\s+team$/i.test(field)
    )
      return field;
    const terms = nlp(field).terms().json() as { terms: { tags: string[] }[] }[];
    if (terms.length > 0 && terms.length <= 3 && terms.every((t) => t.terms[0].tags.includes('Person')))
      return field;
  }
  return null;
}

/** Owner, due and status from a paragraph such as "**Owner**: [Name]  **Due**: [Date]" under a list. */
function fieldsOf(text: string) {
  return {
    owner: ownerText(text) ?? handleOwner(text) ?? ownerAside(text),
    due: text.match(DUE_TEXT)?.[1] ?? text.match(ISO_DATE)?.[0] ?? null,
  };
}

/** A node's lines as written (link addresses included), for what its rendered text drops. */
type Written = (node: { position?: { start: { line: number }; end: { line: number } } }) => string;

interface Context {
  owner: string | null;
  due: string | null;
  status: ActionStatus | null;
  scheduled: boolean;
  list: number;
}

/** "DevEx will update …", "The error tracking team should monitor …": the subject that owns the item. */
const SUBJECT_OWNER =
  /^(?:[Tt]he\s{1,3})?((?:[\w/&-]{1,30}\s{1,3}){0,3}?(?:team|squad|group|guild|on-?call)|[A-Z][\w-]{1,30})\s{1,3}(?:will|shall|should|must|has|have|is going to|are going to|plans? to|needs? to)\b/;
/** "Engineers from the flags and infrastructure teams conducting a review …": named teams doing the work. */
const TEAMS_AT_WORK =
  /^(?:[Tt]he\s{1,3})?((?:[\w-]{1,30},?\s{1,3}){0,6}?(?:teams|squads|engineers|team|squad))\s{1,3}(?:(?:is|are)\s{1,3})?[a-z]{2,30}ing\b/;
/** "I have revoked … and will avoid …": the writer, a named person, takes the work on. */
const AUTHOR = /^I\s/;
const NOT_AN_OWNER = /^(?:we|i|it|this|that|these|those|there|our|all|each|every|any|some|no|they|you)$/i;

/** A time said before the subject: "Going forward the Chia team is going to …", "In the future, …". */
const LEADING_WHEN =
  /^(?:(?:going|moving)\s{1,3}forward|in\s{1,3}(?:the\s{1,3})?future|from\s{1,3}now\s{1,3}on),?\s{1,3}/i;

function subjectOwner(text: string): string | null {
  const said = text.trim().replace(LEADING_WHEN, '');
  const subject = (said.match(SUBJECT_OWNER) ?? said.match(TEAMS_AT_WORK))?.[1]?.trim();
  if (subject && !NOT_AN_OWNER.test(subject)) return subject;
  // "Peter to investigate …": people named, then "to" and the work.
  return ownerNamedTo(said);
}

const IRREGULAR_PAST = new Set(
  'sent ran made built wrote took held gave brought began found kept led left lost met paid put read sold spent told thought understood'.split(
    ' ',
  ),
);
/** A verb in the past tense or a perfect ("Created …", "We have added …"): work already done. */
/** Words that look ahead: an item that says them is planned, whatever tense it opens with. */
const AHEAD =
  /\b(?:will|shall|going to|plan(?:s|ned)? to|in the (?:near )?future|on (?:our|the) (?:\w{1,20} )?roadmap|next (?:week|month|quarter|sprint))\b/i;

/**
 * A sentence in prose that plans work, read by its grammar: a future passive ("… will be created"),
 * a verb of intention ("Chia plans to …", "we intend to …", "are planned for replacement"), the
 * writers with a future modal ("we will …", "I … will avoid … in the future"), or work carried on
 * ("the team is continuing to improve …", the verb one action items use); not a system's future
 * behaviour ("the node will always validate …").
 */
const FUTURE_PASSIVE = /\b(?:will|shall)\s{1,3}be\s{1,3}[a-z]{2,30}(?:ed|en|t)\b/i;
const INTENDS =
  /\b(?:plans\s{1,3}to|(?:we|they)\s{1,3}(?:plan|intend|aim)\s{1,3}to|planned\s{1,3}(?:for|to))\b/i;
const WRITERS_WILL =
  /\bwe\s{1,3}(?:will|shall|are going to)\b(?!\s{0,3}(?:[.!?,;]|$))|^(?:i|we)\b[^.]{0,120}\bwill\s{1,3}(?!be\b|now\b|always\b|never\b|not\b)[a-z]{2,30}\b[^.]{0,80}\bin\s{1,3}the\s{1,3}(?:near\s{1,3})?future\b/i;
/** The writers laying work on themselves: "We should establish …", "we must add …", "we need to …". */
const WRITERS_DUTY =
  /^(?:so\s{1,3}|then\s{1,3}|also\s{1,3})?we\s{1,3}(?:should|must|need\s{1,3}to|ought\s{1,3}to)\s{1,3}(?:also\s{1,3})?(?!be\b|have\b|not\b)[a-z]{2,30}\b/i;
const CARRIED_ON = /\b(?:is|are)\s{1,3}continuing\s{1,3}to\s{1,3}([a-z]{2,30})\b/i;

/** A team laying work on itself: "The development/operations team will investigate …". */
const TEAM_WILL =
  /\bteam\s{1,3}(?:will|shall|is\s{1,3}going\s{1,3}to)\s{1,3}(?!be\b|not\b|never\b|always\b)[a-z]{2,30}\b/i;
/** Work asked of no one: "all security vulnerability reports should be sent to multiple team members". */
const DUTY_PASSIVE =
  /^(?:if\s{1,3}(?:at\s{1,3}all\s{1,3})?(?:possible|feasible),\s{1,3})?[^,;:]{3,80}?\s(?:should|ought\s{1,3}to)\s{1,3}be\s{1,3}[a-z]{2,30}(?:ed|en|t)\b/i;

function plans(text: string): boolean {
  if (FUTURE_PASSIVE.test(text) || INTENDS.test(text) || WRITERS_WILL.test(text)) return true;
  // "The second change is to use …", "Lastly, a change needs to be made …".
  if (namesPlannedChange(text)) return true;
  if (TEAM_WILL.test(text) || DUTY_PASSIVE.test(text)) return true;
  const carried = text.match(CARRIED_ON)?.[1];
  return carried !== undefined && startsWithActionVerb(carried);
}

/** Work begun and not finished: "we have begun retooling …", "the migration is under way". */
const UNDER_WAY =
  /\b(?:have|has)\s{1,3}(?:begun|started)\b|\b(?:is|are)\s{1,3}(?:now\s{1,3})?(?:under\s?way|in progress)\b/i;

/** The writers as subject: "We put in changes …" is told by its verb, the word after. */
const WRITERS = new Set(['we', 'i', 'they']);

function saysDone(text: string): boolean {
  if (DONE_MARK.test(text)) return true;
  if (UNDER_WAY.test(text.slice(0, 400))) return false;
  if (AHEAD.test(text.slice(0, 400))) return false;
  const words = text
    .replace(/^[^A-Za-z]+/, '')
    .split(/[\s,:;()]+/, 4)
    .map((w) => w.toLowerCase());
  const perfect = words.findIndex((w) => w === 'have' || w === 'has' || w === "we've");
  // "We immediately turned off …": the subject and an adverb lead to the verb.
  let opening = WRITERS.has(words[0]) ? 1 : 0;
  if (/^[a-z]{3,}ly$/.test(words[opening] ?? '')) opening++;
  const verb = perfect >= 0 && perfect <= 2 ? words[perfect + 1] : words[opening];
  if (!verb) return false;
  return (
    IRREGULAR_PAST.has(verb) ||
    (verb.length >= 5 && verb.endsWith('ed') && !verb.endsWith('eed')) ||
    statesPastFact(text)
  );
}

/** Words a subject is made of: the thing named, what describes it, a number. */
const SUBJECT_PART = new Set(['Noun', 'Adjective', 'Determiner', 'Possessive', 'Acronym', 'Value']);

/**
 * A statement of what happened, its subject first: "`fstrim.service` transitioned to `failed`",
 * "Both brokers restarted cleanly". A named thing (no verb of its own, no writer) and then its verb in
 * the past tense tells a fact, not work to do.
 */
function statesPastFact(text: string): boolean {
  const terms: Term[] = termsOf(text.slice(0, 200));
  const verb = terms.slice(0, 7).findIndex((t) => t.tags.includes('Verb'));
  // "were" is a past auxiliary ("These records were created …"), tagged without its tense.
  const past = terms[verb]?.tags.includes('PastTense') || /^(?:was|were)$/.test(terms[verb]?.normal ?? '');
  if (verb < 1 || !past) return false;
  return terms
    .slice(0, verb)
    .every((t) => t.tags.some((tag) => SUBJECT_PART.has(tag)) && !t.tags.includes('Pronoun'));
}

/**
 * A group's label that tells its work as done, a verb in the past tense and what it was done to
 * ("Added to tech.md:", "Updated the runbooks:"): the points under it are what was done. A state
 * alone ("Planned:", "Proposed:") is no such label.
 */
function toldDoneLabel(label: string): boolean {
  const text = label.replace(/:\s*$/, '').trim();
  return text.split(/\s+/).length >= 2 && readStatus(text) === null && saysDone(text);
}

/** A cell with a value in it, not left empty, as a dash or as a placeholder ("TBD"). */
const hasValue = (text: string | null) => !!text && /[\p{L}\p{N}]/u.test(text) && !isPlaceholder(text);

function fromTable(table: Table, context: Context, written: Written): ListedItem[] {
  const [head, ...rows] = table.children;
  const header = head.children.map((c) => textOf(c).trim());
  const column = (re: RegExp) => header.findIndex((h) => re.test(h.replace(/[*_`]/g, '').trim()));
  const action = column(ROLE.action);
  if (action < 0) return [];
  const owner = column(ROLE.owner);
  const due = column(ROLE.due);
  const status = column(ROLE.status);
  const priority = column(ROLE.priority);
  const tracking = column(ROLE.tracking);
  const list = table.position?.start.line ?? 0;
  const cell = (row: (typeof rows)[number], i: number) =>
    i >= 0 ? clean(textOf(row.children[i] ?? { type: 'text', value: '' })) || null : null;
  /** With no status column, a status in capitals in a cell other than the action's. */
  const statusElsewhere = (row: (typeof rows)[number]) =>
    status >= 0
      ? null
      : (row.children
          .map((_, i) => (i === action ? null : cell(row, i)))
          .map((text) => text?.match(CAPITAL_STATUS)?.[0])
          .find(Boolean) ?? null);
  return rows
    .filter((row) => cell(row, action))
    .map((row) => {
      const text = cell(row, action)!;
      const whole = written(row);
      return {
        action: text,
        owner: cell(row, owner) ?? subjectOwner(text) ?? context.owner,
        due: cell(row, due) ?? context.due,
        status: readStatus(cell(row, status) ?? statusElsewhere(row)) ?? context.status,
        line: row.position?.start.line ?? 0,
        list,
        scheduled:
          context.scheduled ||
          SCHEDULED.test(whole) ||
          hasValue(cell(row, priority)) ||
          TICKET.test(cell(row, tracking) ?? ''),
        commitment: text,
        ...(row.children[action] && namesExactSetting(markedText(row.children[action]))
          ? { setting: true }
          : {}),
      };
    });
}

/** Words enough for a label over a group ("Medium term (next 2 weeks)"), not for an item of its own. */
const LABEL_WORDS = 4;

/** A short phrase with no verb: a label naming a group, not work. */
const isLabel = (text: string) =>
  text
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length <= LABEL_WORDS && commitmentOf(text).kind === 'none';

/** The item's own words (first paragraph), the bold lead-in taken as the action when there is one. */
function itemText(item: ListItem): { action: string; whole: string; isGroup: boolean; commitment: string } {
  const first = item.children.find((c) => c.type === 'paragraph');
  const whole = first ? textOf(first) : '';
  const lead =
    first?.type === 'paragraph' && first.children[0]?.type === 'strong' ? textOf(first.children[0]) : null;
  const rest = lead != null ? whole.slice(lead.length).trim() : '';
  // "Short term:" or a bold title alone ("**Bug bounty**") over a nested list: the nested items are the work.
  // A plain line ending in a colon is a group's label only when it is one ("Short term:", "In
  // progress:"); a sentence or a longer phrase ("Ensure alerting is in place for:", "A better process
  // for flagging fires:") is one item, the points under it its parts.
  const introduced = /:\s*$/.test(whole.trim()) && !rest.replace(/^:/, '').trim();
  const isGroup = introduced && (lead != null || isLabel(whole.trim().replace(/:$/, '')));
  // A line wrapped in the source is one sentence: "Don't duplicate keys across multiple\nhubs".
  const action = clean(lead && lead.length > 3 ? lead : whole);
  const said = clean(rest.replace(/^[:\s–—-]+/, ''));
  return { action, whole, isGroup, commitment: lead && said ? said : action };
}

/**
 * "**me** — Lower the keepalive to 15 s — 2025-09-23": an item opening with a person in bold, set
 * off by a dash from the work, names its owner first: the writer ("me"), a handle or a person's name.
 */
function ownerLead(item: ListItem): string | null {
  const first = item.children.find((c) => c.type === 'paragraph');
  if (first?.children[0]?.type !== 'strong' || first.children[1]?.type !== 'text') return null;
  if (!/^\s{0,3}[—–-]\s/.test(first.children[1].value)) return null;
  const lead = textOf(first.children[0]).trim();
  if (/^(?:me|myself)$/i.test(lead) || new RegExp(`^${HANDLE.source}$`).test(lead)) return lead;
  const terms = nlp(lead).terms().json() as { terms: { tags: string[] }[] }[];
  return terms.length > 0 && terms.length <= 3 && terms.every((t) => t.terms[0].tags.includes('Person'))
    ? lead
    : null;
}

/** The item's first paragraph as marked, its code in backticks. */
function markedFirst(item: ListItem): string {
  const first = item.children.find((c) => c.type === 'paragraph');
  return first ? markedText(first).replace(/\s+/g, ' ').trim() : '';
}

/** The item's first paragraph opens with an exact setting or call, written as code. */
function settingNamed(item: ListItem): boolean {
  const first = item.children.find((c) => c.type === 'paragraph');
  return !!first && namesExactSetting(markedText(first));
}

/**
 * "**Deployment Strategy**" alone over points that each instruct ("Test builds locally …", "Use
 * `next build` …"): the title names a group, its points are the items.
 */
function titlesInstructions(item: ListItem): boolean {
  const first = item.children.find((c) => c.type === 'paragraph');
  if (first?.children.length !== 1 || first.children[0].type !== 'strong') return false;
  const points = item.children.filter((c): c is List => c.type === 'list').flatMap((l) => l.children);
  const instructs = points.filter((p) => {
    const { action } = itemText(p);
    return startsWithActionVerb(action) || opensImperative(action);
  }).length;
  return points.length >= 2 && instructs * 2 > points.length;
}

/** The one nested item under an item that is only a bold title, else null. */
function describedOnce(item: ListItem): ListItem | null {
  const first = item.children.find((c) => c.type === 'paragraph');
  const nested = item.children.filter((c): c is List => c.type === 'list');
  if (first?.children.length !== 1 || first.children[0].type !== 'strong') return null;
  if (/:\s*$/.test(textOf(first).trim())) return null;
  return nested.length === 1 && nested[0].children.length === 1 ? nested[0].children[0] : null;
}

/** An item's own paragraphs as written (not its nested items): a link after its chart is still its own. */
function ownParagraphs(item: ListItem, written: Written): string {
  return item.children
    .filter((c) => c.type === 'paragraph')
    .map((c) => written(c))
    .join('\n');
}

/** Targets of reference-style links ("[issue]: https://…/issues/611"), by their label in lower case. */
function referenceTargets(lines: string[]): Map<string, string> {
  const targets = new Map<string, string>();
  for (const line of lines) {
    const m = line.match(/^\s{0,3}\[([^\]\n]{1,100})\]:\s{0,8}<?(\S{1,500}?)>?(?:\s|$)/);
    if (m) targets.set(m[1].trim().toLowerCase(), m[2]);
  }
  return targets;
}

/** "[issue][alerting-issue]", "[#611][]": a reference link written with its target, as an inline link is. */
const withTargets = (text: string, targets: Map<string, string>) =>
  targets.size
    ? text.replace(/\[([^\]\n]{1,300})\]\[([^\]\n]{0,100})\]/g, (link, words: string, label: string) => {
        const url = targets.get((label || words).trim().toLowerCase());
        return url ? `[${words}](${url})` : link;
      })
    : text;

/** `within`: the list of titled groups this list sits in; its items belong to that one list. */
function fromList(list: List, context: Context, written: Written, within?: number): ListedItem[] {
  const items: ListedItem[] = [];
  const id = within ?? list.position?.start.line ?? 0;
  let doneByTense = 0;
  let unchecked = 0;
  // A task list: in a list of checkboxes, an item with none ("[N/A] Replace …", a note on
  // production) is a remark beside the tasks, not a task.
  const boxed = list.children.filter((i) => typeof i.checked === 'boolean').length;
  const taskList = boxed >= 2 && boxed * 2 >= list.children.length;
  for (const listed of list.children) {
    if (taskList && typeof listed.checked !== 'boolean') continue;
    // A bold title alone over one nested line ("**Bug bounty**\n  - We will establish …"): the
    // nested line is that item's commitment, as if written after the title.
    const inner = describedOnce(listed);
    const item = inner ?? listed;
    const isGroup = itemText(listed).isGroup || titlesInstructions(listed);
    const { action: text, whole, commitment: said } = itemText(item);
    const label = inner ? itemText(listed).action : null;
    // "**shipped**: the three PRs above", "**open**: …": a status for a label, the item after it;
    // "**note**: …" sets a remark beside the work.
    const marked = !inner && said !== text ? itemLabel(text) : null;
    if (marked === 'remark' || advisesOthers(whole)) continue;
    const action = label ?? (marked ? said : text);
    const commitment = label ? text : said;
    const fields = fieldsOf(whole);
    fields.owner ??= ownerLead(item);
    const status =
      // A checked box or a done mark ("✅ Adding tests") marks the item itself, whatever its list says.
      item.checked === true ||
      DONE_MARK.test(whole) ||
      ALREADY.test(whole) ||
      notedDone(item) ||
      struckThrough(item) ||
      // "…; Completed as of 2021-10-29.", "Peter and Cory now have permissions …": the item's own words.
      closesDone(whole) ||
      nowInPlace(whole)
        ? 'done'
        : ((marked ? readStatus(text) : null) ??
          readStatus(whole.match(/\bstatus\s*:\s*([^,;|\n]+)/i)?.[1]) ??
          readStatus(whole.match(STATUS_NOTE)?.[1]) ??
          (item.checked === false ? 'open' : UNDER_WAY.test(whole) ? 'in_progress' : context.status));
    const own: Context = {
      owner: fields.owner ?? subjectOwner(commitment) ?? subjectOwner(action) ?? context.owner,
      due: fields.due ?? whole.match(TIMEFRAME)?.[0] ?? context.due,
      status,
      scheduled: context.scheduled || SCHEDULED.test(ownParagraphs(item, written)),
      list: id,
    };
    const nested = listed.children.filter((c): c is List => c.type === 'list');
    if (isGroup && nested.length) {
      const told = status === null && toldDoneLabel(action) ? { ...own, status: 'done' as const } : own;
      for (const list of nested) items.push(...fromList(list, told, written, id));
      continue;
    }
    // A reflection on what might have been ("The only thing we could have done … was …"), or a
    // question the item answers in place ("Should … have been attempted? No — …"), plans nothing.
    if (!action || reflects(whole) || answersItself(whole)) continue;
    if (item.checked === false) unchecked++;
    else if (saysDone(whole) || statesInPlace(markedFirst(item))) doneByTense++;
    items.push({
      action,
      owner: own.owner,
      due: own.due,
      status: own.status,
      line: item.position?.start.line ?? 0,
      list: id,
      scheduled: own.scheduled,
      commitment,
      ...(restsOnQuestions(listed) ? { undecided: true } : {}),
      ...(settingNamed(item) ? { setting: true } : {}),
    });
  }
  // A list written mostly in the past tense, or telling what the measures in place do ("ADR `0004`
  // defines the pattern"), reports work done; its noun-phrase items are done too.
  const direct = items.filter((i) => i.list === id);
  if (!unchecked && direct.length && doneByTense * 2 >= direct.length)
    for (const item of direct) item.status ??= 'done';
  return items;
}

/**
 * A list written right after an item that ends by introducing it ("We plan to add alerts around:")
 * lists what that item covers, not items of its own; an item that is only a label ("Short term:")
 * is a group, and the list after it holds its items.
 */
function introducesDetails(before: RootContent | null): boolean {
  if (before?.type !== 'list') return false;
  const last = before.children[before.children.length - 1];
  if (!last || last.children.some((c) => c.type === 'list')) return false;
  const { whole, isGroup } = itemText(last);
  return !isGroup && /:\s*$/.test(whole.trim());
}

/**
 * A list of names in code ("- `COPYRIGHT_QUERY`", "- `VISIBILITY_QUERY`"): the things a sentence
 * speaks of, not work to do.
 */
function namesInCode(list: List): boolean {
  return list.children.every((item) => {
    const [first, ...rest] = item.children;
    return (
      rest.length === 0 &&
      first?.type === 'paragraph' &&
      first.children.every(
        (c) => c.type === 'inlineCode' || (c.type === 'text' && /^[\s,.;]*$/.test(c.value)),
      )
    );
  });
}

/** An instruction that holds at all times: "Always run …", "Never commit …". */
const STANDING = /^\W{0,4}(?:always|never)\s/i;

/**
 * A list of rules to keep rather than work to finish: most of its items open with "always" or
 * "never" ("Always run `terraform plan -out=tfplan` and delete it after review", "Never commit plan
 * files"). Nobody owns or dates a standing practice.
 */
function standingRules(list: List): boolean {
  const rules = list.children.filter((i) => STANDING.test(itemText(i).whole)).length;
  return list.children.length >= 2 && rules * 2 > list.children.length;
}

/**
 * A paragraph introducing a list as what was seen or found ("Observed:", "Verified on the host:", "We
 * noticed:"): a verb of perception or finding in the past, the list after it the findings.
 */
const SEEN_INTRO =
  /^(?:(?:we|i)\s{1,3}(?:have\s{1,3}|had\s{1,3})?)?(?:observed|noticed|noted|found|saw|seen|confirmed|verified)\b[^:]{0,80}:\s{0,3}$/i;
function reportsSeen(before: RootContent | null): boolean {
  if (before?.type !== 'paragraph') return false;
  const text = textOf(before).replace(/\s+/g, ' ').trim();
  if (SEEN_INTRO.test(text)) return true;
  // "These records were originally created to point the following subdomains to …:": a fact told
  // in the past, subject first, and the list after it the things it speaks of; a title ("**Action
  // planned:**") is a label, not such a sentence.
  const titled = before.children.length === 1 && before.children[0].type === 'strong';
  const last = text.split(/(?<=[.!?])\s+/).at(-1) ?? '';
  return !titled && /:$/.test(last) && last.split(' ').length >= 5 && statesPastFact(last);
}

/**
 * A paragraph whose last sentence deliberates over a question, the list after it the options:
 * "We are working on figuring out which of the classic scaling topics are useful for us." over
 * "scale up", "scale out", "caching". A verb of deliberation, then the question it asks.
 */
const WEIGHS_OPTIONS =
  /\b(?:figur(?:e|ing)\s{1,3}out|decid(?:e|ing)|determin(?:e|ing)|evaluat(?:e|ing)|assess(?:ing)?|explor(?:e|ing)|consider(?:ing)?|choos(?:e|ing)|weigh(?:ing)?)\s{1,3}(?:which|whether)\b[^.!?]{0,160}[.:]?\s{0,3}$|\b(?:one|either|any)\s{1,3}of(?:\s{1,3}(?:these|those|the\s{1,3}following))?\s{0,3}:\s{0,3}$/i;
function weighsOptions(before: RootContent | null): boolean {
  if (before?.type !== 'paragraph') return false;
  const last =
    textOf(before)
      .replace(/\s+/g, ' ')
      .trim()
      .split(/(?<=[.!?])\s+/)
      .at(-1) ?? '';
  return WEIGHS_OPTIONS.test(last);
}

/**
 * An action section that says something the reader cannot take as anything but the team's (prose
 * this reader does not itemise: "Engineering is working on …"), rather than only advice to readers:
 * at least half its paragraphs and lists speak to the reader ("If you have …", "your account") or advise
 * others ("Package maintainers should …" under "our recommendations for maintainers:").
 */
export function saysMoreThanAdvice(section: Section): boolean {
  // "Actions taken", "Remediation (completed)": a title that names its work as done plans nothing.
  if (DONE_TITLE.test(normaliseTitle(section.title))) return false;
  const { blocks, advice } = adviceBlocks(section.nodes);
  return blocks.length > 0 && advice.size * 2 < blocks.length;
}

/**
 * Subsection titles that name another part of a postmortem ("What went wrong", "Lessons learned",
 * "Impact"): under Action items they hold findings, not planned work.
 */
const NOT_WORK = new Set<SectionKind>(['rootCause', 'lessons', 'impact', 'timeline', 'summary']);
/**
 * A subsection title naming what was found wrong ("Identified Problems", "Known issues", "Gaps
 * found"): under Future Work it lists the weaknesses the plan answers, not the plan.
 */
const FINDINGS_TITLE =
  /^(?:(?:identified|known|observed|discovered|key|main|underlying|remaining)\s)?(?:problems?|issues?|gaps?|weaknesses|shortcomings|findings|risks|concerns|pain\s?points)(?:\s(?:identified|found|observed|discovered))?$/;

/**
 * A paragraph opening with a bold label that names it an action item ("**Action item:** Start
 * incidents earlier. Owner: @lucas"): the words after the label are the item, with the owner, due
 * date and tracking link the paragraph gives.
 */
function labelledItem(node: RootContent, written: Written): ListedItem | null {
  if (node.type !== 'paragraph' || node.children[0]?.type !== 'strong') return null;
  const label = textOf(node.children[0]).replace(/:\s*$/, '').trim();
  if (sectionKind(normaliseTitle(label)) !== 'actionItems') return null;
  const whole = textOf(node);
  const action = clean(whole.slice(textOf(node.children[0]).length).replace(/^\s{0,3}:/, ''));
  if (!action) return null;
  const line = node.position?.start.line ?? 0;
  return {
    action,
    ...fieldsOf(whole),
    status: null,
    line,
    list: line,
    scheduled: SCHEDULED.test(written(node)),
    commitment: action,
  };
}

/** A person's or a team's handle in a title ("… by @ThisIsMissEm", "@org/infra"), not an address. */
const TITLE_HANDLE = /(?:^|\s)(@[A-Za-z0-9][\w.-]{0,38}(?:\/[\w.-]{1,39})?)(?![\w/@])/;

/** Reads the items of one action section, its subsections' titles lending status and timeframe. */
function fromSection(section: Section, lines: string[], { prose = true } = {}): ListedItem[] {
  // Headings and items as written, so a tracking link's address counts, not only its words.
  const raw = (line: number | undefined) => (line ? (lines[line - 1] ?? '') : '');
  const targets = referenceTargets(lines);
  const written: Written = (node) =>
    node.position
      ? withTargets(lines.slice(node.position.start.line - 1, node.position.end.line).join('\n'), targets)
      : '';
  const items: ListedItem[] = [];
  const headed: ListedItem[] = [];
  let context: Context = {
    owner: null,
    due: null,
    status: DONE_TITLE.test(section.title) ? 'done' : null,
    scheduled: SCHEDULED.test(raw(section.line)),
    list: 0,
  };
  let pending: ListedItem[] = [];
  let previous: RootContent | null = null;
  const values = tableValues(section.nodes);
  // The headings a subsection sits under: a tracking link or timeframe on "Short-term (#40885)"
  // covers the items under its "In progress:" label too.
  let open: { depth: number; context: Context }[] = [{ depth: 0, context }];
  // The depth of a subsection that names another part ("### What went wrong"), while inside it.
  let aside: number | null = null;
  // The last numbered list: a later one numbered on from it is the same list under a new subheading.
  let numbered: { id: number; next: number | null } | null = null;
  // The first of lists each titled as one item ("Jump Server Access: …", "Network Redundancy:"): one list.
  let titledRun: number | null = null;
  const visit = (node: RootContent) => {
    const before = previous;
    previous = node;
    if (
      node.type === 'heading' ||
      (node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'strong')
    ) {
      const title = normaliseTitle(textOf(node));
      const depth = node.type === 'heading' ? node.depth : 7;
      if (aside !== null && depth <= aside) aside = null;
      const kind = node.type === 'heading' ? sectionKind(textOf(node)) : null;
      if (aside === null && ((kind && NOT_WORK.has(kind)) || FINDINGS_TITLE.test(title))) aside = depth;
      open = open.filter((h) => h.depth < depth);
      const outer = open.at(-1)?.context;
      context = {
        // "#### 2) Spreadsheet created … `@ThisIsMissEm`": a handle in an item's own title is its doer.
        owner: textOf(node).match(TITLE_HANDLE)?.[1] ?? null,
        due:
          title.match(TIMEFRAME)?.[0] ??
          title.match(TITLE_SPAN)?.[0] ??
          title.match(NOW_TITLE)?.[0] ??
          outer?.due ??
          null,
        status: DONE_TITLE.test(title) ? 'done' : (outer?.status ?? null),
        scheduled: SCHEDULED.test(raw(node.position?.start.line)) || (outer?.scheduled ?? false),
        list: 0,
      };
      open.push({ depth, context });
      pending = [];
      titledRun = null;
      return;
    }
    if (aside !== null) return;
    if (node.type === 'list' && (introducesDetails(before) || namesInCode(node))) return;
    // A key to the values of a table beside it ("P0 - Critical for …") is not work.
    if (node.type === 'list' && isLegend(node, values)) return;
    // Advice to readers ("Some things you can do: …") is not the team's planned work.
    if (
      node.type === 'list' &&
      (addressesReader(before) || mostlyToReader(node) || adviceToOthers(node, before) || standingRules(node))
    )
      return;
    if (node.type === 'list') {
      const continued = numbered && continuesNumbering(node, numbered.next) ? numbered.id : undefined;
      if (node.ordered)
        numbered = { id: continued ?? node.position?.start.line ?? 0, next: nextNumber(node) };
      // Counted from the title's own line: a title that plans work ("Jump Server Access: Configure …")
      // is read as an item itself, of the same list.
      titledRun = itemTitle(before) ? (titledRun ?? before?.position?.start.line ?? 0) : null;
      // A paragraph that leads into the list ("… (detailed in #631). … by doing one of:") and links
      // its ticket schedules the list: the tracker holds the date.
      const led =
        before?.type === 'paragraph' && /:\s{0,3}$/.test(textOf(before)) && SCHEDULED.test(written(before));
      const told = reportsSeen(before)
        ? { ...context, status: 'done' as const }
        : led
          ? { ...context, scheduled: true }
          : context;
      pending = fromList(node, told, written, continued ?? titledRun ?? undefined);
      if (weighsOptions(before)) for (const item of pending) item.option = true;
      else if (breaksDownPlan(before)) for (const item of pending) item.part = true;
    } else if (node.type === 'table') pending = fromTable(node, context, written);
    else if (node.type === 'paragraph' && before?.type === 'heading') {
      // "## Repo2docker\nLimit memory available to build pods. (#159)": a subsection whose first
      // paragraph plans work holds that work as its one item, a list of its own.
      const line = node.position?.start.line ?? 0;
      for (const item of proseItems(node, lines, line, { underTitle: true }))
        headed.push({
          ...item,
          owner: item.owner ?? context.owner,
          due: item.due ?? context.due,
          status: context.status,
          scheduled: item.scheduled || SCHEDULED.test(written(node)) || context.scheduled,
        });
      return;
    } else if (node.type === 'paragraph') {
      // "**Action item:** Start incidents earlier. … Owner: @lucas": a paragraph its bold label
      // names as an action item is one, a list of its own.
      const labelled = labelledItem(node, written);
      if (labelled) {
        items.push({
          ...labelled,
          status: labelled.status ?? context.status,
          due: labelled.due ?? context.due,
          scheduled: labelled.scheduled || context.scheduled,
        });
        return;
      }
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
  // Work told as prose under subheadings joins the listed items; with no list at all, every
  // paragraph is read as prose.
  // A list of work done only ("Immediate corrective action was taken … :") leaves the plans to the
  // prose after it: its paragraphs are read as well.
  const allDone = items.length > 0 && items.every((i) => i.status === 'done');
  if (items.length && !allDone) return [...items, ...headed];
  if (!prose) return items;
  // No list at all: every paragraph is read as prose, and what a subsection's first paragraph plans
  // under its own title ("### Medium Term\nWe should establish a channel …") is an item as well.
  // A tracking link, a priority or "in priority order" in the section's title schedules its prose plan too.
  const titled = SCHEDULED.test(raw(section.line));
  // A sentence read both ways keeps the owner its subsection's title names.
  const titleOwner = (line: number) => headed.find((h) => h.line === line && h.owner)?.owner ?? null;
  const told = fromProse(section, lines).map((i) => ({
    ...i,
    owner: i.owner ?? titleOwner(i.line),
    scheduled: i.scheduled || titled,
  }));
  return [
    ...(allDone ? items : []),
    ...told,
    ...headed.filter((h) => !told.some((t) => t.line === h.line)),
  ].sort((a, b) => a.line - b.line);
}

/** A paragraph that holds links and nothing else but spaces and separators. */
function onlyLinks(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  const links = node.children.filter((c) => c.type === 'link');
  const rest = node.children.filter(
    (c) => c.type !== 'link' && !(c.type === 'text' && /^[\s,;|–—-]*$/.test(c.value)),
  );
  return links.length > 0 && rest.length === 0;
}

/** A sentence of a paragraph, with the line it starts on and its words as written (link targets kept). */
interface Sentence {
  text: string;
  line: number;
  written: string;
}

/**
 * A paragraph's sentences, wrapped lines joined ("… downgraded to v0.4.3 to\ncontinue generating …"
 * is one sentence, not an instruction starting "continue"); a line that opens with an instruction
 * after a line with no stop is a new one ("Hire a SecOps lead\nAdd a GUI warning").
 */
function sentencesOf(node: RootContent, lines: string[]): Sentence[] {
  const start = node.position?.start.line ?? 0;
  const sentences: { parts: { line: number; text: string }[]; written: string }[] = [];
  textOf(node)
    .split('\n')
    .forEach((text, i) => {
      const line = start + i;
      const current = sentences.at(-1);
      const last = current?.parts.at(-1)?.text ?? '';
      const wrapped =
        current && !/[.!?:]\s*$/.test(last) && !(startsWithActionVerb(text) && /^\s*[A-Z]/.test(text));
      if (wrapped) {
        current.parts.push({ line, text: text.trim() });
        current.written += `\n${lines[line - 1] ?? ''}`;
      } else sentences.push({ parts: [{ line, text: text.trim() }], written: lines[line - 1] ?? '' });
    });
  // Split at each stop; a sentence starts on the line its first word is on.
  return sentences.flatMap(({ parts, written }) => {
    const out: Sentence[] = [];
    for (const { line, text } of parts)
      for (const [k, piece] of text.split(/(?<=[.!?])\s+(?=[A-Z(["'`*])/).entries()) {
        const open = out.at(-1);
        if (open && k === 0 && !/[.!?]\s*$/.test(open.text)) open.text += ` ${piece}`;
        else out.push({ text: piece, line, written });
      }
    return out;
  });
}

/**
 * Sections written as prose, one instruction or plan per sentence ("Hire a SecOps lead. Add a GUI
 * warning.", "The wiki page will be changed to …"): a sentence that looks ahead plans work, whatever
 * its subject. A tracking link schedules its sentence and the later steps of that paragraph's plan
 * ("The bug will be fixed in [PR](…/pull/81), and once merged it will be tested …").
 */
function fromProse(section: Section, lines: string[]): ListedItem[] {
  const list = section.line;
  // A ticket a subsection links ("A ticket (CDP-2445) was created to …") tracks the plans its
  // paragraphs tell: the tracker holds their date.
  const tracked = new Set<RootContent>();
  let run: RootContent[] = [];
  const close = () => {
    const linked = run.some((node) =>
      SCHEDULED.test(lines.slice((node.position?.start.line ?? 1) - 1, node.position?.end.line).join('\n')),
    );
    if (linked) for (const node of run) tracked.add(node);
    run = [];
  };
  for (const node of section.nodes) {
    if (node.type === 'heading') close();
    else if (node.type === 'paragraph') run.push(node);
  }
  close();
  return section.nodes
    .filter((node) => node.type === 'paragraph' && node.position)
    .flatMap((node) => {
      // A paragraph that is only a link (an issue search, a tracker board) is the plan, unsaid:
      // one item that names no work and no owner, its tracker holding the dates.
      if (onlyLinks(node)) {
        const line = node.position?.start.line ?? 0;
        const written = lines.slice(line - 1, node.position?.end.line ?? line).join('\n');
        const action = clean(textOf(node));
        return [
          {
            action,
            owner: null,
            due: null,
            status: null,
            line,
            list,
            scheduled: SCHEDULED.test(written),
            commitment: action,
          },
        ];
      }
      const items = proseItems(node, lines, list);
      return tracked.has(node) ? items.map((item) => ({ ...item, scheduled: true })) : items;
    });
}

/** The sentence opens with a verb in its base form, as an instruction does ("Read the logs …"). */
function opensImperative(sentence: string): boolean {
  const first = nlp(sentence).terms().json()[0]?.terms[0] as { tags: string[] } | undefined;
  return !!first?.tags.includes('Verb') && first.tags.some((t) => t === 'Infinitive' || t === 'Imperative');
}

/**
 * A promise to write about it ("We will release a detailed write-up on these instances in the next
 * few weeks"): telling readers more later, not work that stops the incident happening again.
 */
const WRITE_UP =
  /\b(?:release|publish|share|post|write|put\s{1,3}out)\s{1,3}(?:(?:a|an|the|our)\s{1,3})?(?:(?:more|detailed|full|follow-?up|separate|longer)\s{1,3}){0,2}(?:write-?up|blog(?:\s{1,3}post)?|post|article|newsletter)\b/i;

/** The sentences of a paragraph that plan work ("Limit memory for builds.", "We will …"), each an item. */
function proseItems(
  node: RootContent,
  lines: string[],
  list: number,
  { underTitle = false } = {},
): ListedItem[] {
  let tracked = false;
  let toReader = false;
  return sentencesOf(node, lines).flatMap(({ text, line, written }) => {
    tracked ||= SCHEDULED.test(written);
    const action = clean(text);
    // A paragraph that has turned to the reader ("If you are interested, this is the code we used
    // … Try run this example locally"): its later instructions are the reader's to follow.
    const speaksToReader = toReader;
    toReader ||= TO_READER.test(action);
    // The writers' duty ("We should establish a channel …", "We need to improve …") opens an item;
    // under a subsection's own title in Action items, so does any imperative ("Read the logs, …").
    const instructs =
      startsWithActionVerb(action) || WRITERS_DUTY.test(action) || (underTitle && opensImperative(action));
    if (!(instructs || plans(action)) || TO_READER.test(action) || WRITE_UP.test(action)) return [];
    if (speaksToReader && !plans(action)) return [];
    const fields = fieldsOf(action);
    const owner = fields.owner ?? subjectOwner(action) ?? (AUTHOR.test(action) ? 'the author' : null);
    // "We will set up a status page in the coming days": the sentence's timeframe is its due date.
    const due = fields.due ?? action.match(TIMEFRAME)?.[0] ?? null;
    return [
      {
        action,
        ...fields,
        owner,
        due,
        status: null,
        line,
        list,
        scheduled: tracked,
        commitment: action,
        prose: true,
      },
    ];
  });
}

/** Every action item of the document's action sections, with its list, schedule and commitment, for review. */
export function listedActionItems(doc: PostmortemDocument): ListedItem[] {
  // Sections written as labelled fields ("- **Review actions**:" over a nested list) count as headed ones.
  const all = sectionsWithFields(doc);
  const sections = all.filter((s) => s.kind === 'actionItems');
  const outer = sections.filter(
    (s) => !sections.some((o) => o !== s && o.line < s.line && s.endLine <= o.endLine),
  );
  // The document's own keys for its findings ("INC-4") are read as no tracker.
  const inActions = (line: number) => sections.some((s) => s.line <= line && line <= s.endLine);
  const keyed = withoutKeys(doc.lines, ownKeys(doc.tree, inActions));
  const listed = withoutRestatements(outer.flatMap((s) => fromSection(s, keyed)));
  // An item the Resolution tells as done ("We reverted to …" beside "Revert to …") is done work.
  const done = doneInResolution(all);
  for (const item of listed) if (item.status === null && toldDone(item.action, done)) item.status = 'done';
  // An item whose link is the pull request the document tells as merged or fixed is done work.
  const landed = linksToldDone(doc, sections);
  if (landed.size)
    for (const item of listed) {
      const links = linkTargets(withTargets(doc.lines[item.line - 1] ?? '', referenceTargets(doc.lines)));
      if (item.status === null && links.some((url) => landed.has(url))) item.status = 'done';
    }
  // An item linking the changes the account of the incident cites is the fix applied, listed again.
  markAppliedChanges(doc.lines, (line) => sections.some((s) => s.line <= line && line <= s.endLine), listed);
  // An item a later status table reports done by its label ("A2. … | Done") was carried out.
  markDoneByLog(doc.tree, listed, readStatus);
  doneWithReplacement(listed);
  if (sections.length) return ownedByWriters(doc, listed);
  // No action section: what a Resolution section plans ("More training will be conducted …", "We
  // have begun retooling …") is the plan; the steps it reports done are not.
  return ownedByWriters(
    doc,
    all
      .filter((s) => s.kind === 'resolution')
      .flatMap((s) => [
        ...fromSection(s, doc.lines, { prose: false }).filter(
          (i) =>
            i.status === 'open' ||
            (i.status !== 'done' && (UNDER_WAY.test(i.action) || plans(i.action) || AHEAD.test(i.action))),
        ),
        ...fromProse(s, doc.lines),
      ]),
  );
}

/** Words that carry an item's content: four letters or more, not the words every plan uses. */
const CONTENT_WORD = /\p{L}{4,}/gu;
const PLAN_WORDS = new Set([
  'will',
  'plan',
  'this',
  'that',
  'with',
  'from',
  'have',
  'make',
  'also',
  'more',
  'before',
  'after',
  'during',
  'into',
  'them',
  'they',
  'their',
  'which',
  'when',
  'should',
  'would',
  'could',
  'again',
]);
const contentWords = (text: string) =>
  new Set((text.toLowerCase().match(CONTENT_WORD) ?? []).filter((w) => !PLAN_WORDS.has(w)));
/** Shared content words that make one item the restatement of another. */
const RESTATED = 4;

/**
 * A plan told alone in prose ("… we plan to install a third edge router before attempting …") that
 * an action list states again as one of its items ("Installation and configuration of third edge
 * router …"): one piece of work, held to the rules once, where the list states it.
 */
function withoutRestatements(items: ListedItem[]): ListedItem[] {
  const size = new Map<number, number>();
  for (const item of items) size.set(item.list, (size.get(item.list) ?? 0) + 1);
  return items.filter((item) => {
    if (!item.prose || size.get(item.list) !== 1) return true;
    const own = contentWords(item.action);
    return !items.some(
      (other) =>
        other.list !== item.list &&
        (size.get(other.list) ?? 0) > 1 &&
        [...contentWords(other.action)].filter((w) => own.has(w)).length >= RESTATED,
    );
  });
}

/** An item that replaces the one before it: "Instead, use a shared group address …". */
const REPLACES = /^\W{0,4}instead\b/i;

/**
 * "Do not use one person's address" then "Instead, use a shared group address (This has been done)":
 * the second item is how the first is carried out, so when it is done, so is the first.
 */
function doneWithReplacement(items: ListedItem[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const [before, item] = [items[i - 1], items[i]];
    if (before.list === item.list && item.status === 'done' && !before.status && REPLACES.test(item.action))
      before.status = 'done';
  }
}

/** Words that tell a change as landed: "identified and [fixed](…)", "was merged in #12". */
const LANDED = /\b(?:fixed|merged|deployed|landed|shipped|released)\b/i;
const linkTargets = (text: string) =>
  [...text.matchAll(/\]\((https?:\/\/[^)\s]{1,500})\)/g)].map((m) => m[1]);

/** Links (by their target) on lines outside the action sections that tell the change as landed. */
function linksToldDone(doc: PostmortemDocument, actions: Section[]): Set<string> {
  const targets = referenceTargets(doc.lines);
  const inActions = (line: number) => actions.some((s) => s.line <= line && line <= s.endLine);
  const landed = new Set<string>();
  doc.lines.forEach((text, i) => {
    if (inActions(i + 1) || !LANDED.test(text)) return;
    for (const url of linkTargets(withTargets(text, targets))) landed.add(url);
  });
  return landed;
}

/** "Cloud Platform 3.0 will …": a name in capitals (a release number after it) as the subject of a modal. */
const NAMED_SUBJECT =
  /^([A-Z][\w-]{1,30}(?:\s{1,3}[A-Z][\w-]{1,30}){0,3})(?:\s{1,3}v?\d{1,4}(?:\.\d{1,4}){0,2})?\s{1,3}(?:will|shall|should|must)\s/;

/** The subject of an item, when the document names a team after it ("the Cloud Platform team"). */
function teamNamedAsSubject(text: string, teamsNamed: string): string | null {
  const name = text.trim().match(NAMED_SUBJECT)?.[1];
  return name && teamsNamed.includes(`${name.toLowerCase()} team`) ? name : null;
}

/**
 * "We will …" in a post whose writers are a named team: that team owns the work ("We need …" names
 * no one). So does a team the document names ("the Cloud Platform team") when an item's subject is
 * its name or what carries it ("Cloud Platform 3.0 will contain separate clusters …"). In a list
 * whose items name a team as their doer ("the drand team will patch …"), "we will …" beside them is
 * that team speaking.
 */
function ownedByWriters(doc: PostmortemDocument, items: ListedItem[]): ListedItem[] {
  const team = writingTeam(doc);
  const teamsNamed = doc.lines.join('\n').replace(/\s+/g, ' ').toLowerCase();
  const listTeam = new Map<number, string>();
  for (const item of items)
    if (item.owner && isTeamName(item.owner) && !listTeam.has(item.list)) listTeam.set(item.list, item.owner);
  for (const item of items) {
    if (item.owner) continue;
    const promised = promisedByWriters(item.commitment) || promisedByWriters(item.action);
    const writers = promised ? (team ?? listTeam.get(item.list)) : undefined;
    item.owner = writers ?? teamNamedAsSubject(item.action, teamsNamed);
  }
  return items;
}

/** Every action item of the document's action sections (Action Items, Follow-ups, Corrective Actions, …). */
export function actionItems(doc: PostmortemDocument): ActionItem[] {
  return listedActionItems(doc).map(({ action, owner, due, status, line }) => ({
    action,
    owner,
    due,
    status,
    line,
  }));
}

/**
 * An item that is only a template's slot ("- TODO", "- [Action item description]"): no-placeholders
 * reports the slot once; there is no work in it to hold to an owner, a date or a verb.
 */
export function onlySlot(action: string): boolean {
  const hits = placeholdersIn(action);
  if (!hits.length) return false;
  let rest = action;
  for (const h of hits) rest = rest.replace(h.text, ' ');
  return !/[\p{L}\d]/u.test(rest);
}
