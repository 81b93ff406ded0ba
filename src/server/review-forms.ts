import type { FollowUpItem, ReviewItem, ReviewSubject } from '../library/index.js';
import { narrativeKey } from '../library/index.js';
import { escapeHtml } from '../render/index.js';
import { formatTime } from '../report/index.js';
import {
  DECISIONS,
  decisionOf,
  FOLLOW_UP_STATUSES,
  followUpOf,
  KIND_LABEL,
  NARRATIVE,
  narrativeOf,
  type ReviewEdits,
  STALE_TITLE,
  staleAbout,
  staleEdits,
} from './review.js';
import { type AddedFollowUp, addedFollowUps, addedTimeline } from './review-additions.js';
import { shownMark } from './review-form-input.js';

const options = (values: readonly string[], chosen: string) =>
  values.map((v) => `<option value="${v}"${v === chosen ? ' selected' : ''}>${v}</option>`).join('');

/** A field of the one review form, named `<item key>/<field>`. */
const name = (key: string, field: string) => `name="${escapeHtml(`${key}/${field}`)}"`;

/** What the page shows in an item's fields, so the server writes only what was changed here. */
const shown = (key: string, values: string[]) =>
  `<input type="hidden" ${name(key, 'shown')} value="${shownMark(values)}">`;

const save = (section: string) =>
  `<p class="save"><button type="submit" name="at" value="${section}">Save</button> <span class="meta">saves every field of the review, not only this part</span></p>`;

function decisionFields(item: ReviewItem, id: string, label: string, edits: ReviewEdits) {
  const current = decisionOf(edits, item.key);
  return `<fieldset id="${escapeHtml(id)}"><legend>${escapeHtml(label)}</legend>
<label>Decision <select ${name(item.key, 'decision')}>${options(DECISIONS, current.decision)}</select></label>
<label>Reason <input ${name(item.key, 'reason')} size="60" maxlength="2000" value="${escapeHtml(current.reason)}"></label>
${shown(item.key, [current.decision, current.reason])}</fieldset>`;
}

function followUpFields(key: string, v: { owner: string; due: string; status: string }) {
  return `<label>Owner <input ${name(key, 'owner')} maxlength="200" value="${escapeHtml(v.owner)}"></label>
<label>Due <input ${name(key, 'due')} type="date" value="${escapeHtml(v.due)}"></label>
<label>Status <select ${name(key, 'status')}>${options(FOLLOW_UP_STATUSES, v.status)}</select></label>`;
}

function followUpItem(item: FollowUpItem, edits: ReviewEdits) {
  const v = followUpOf(edits, item);
  return `<fieldset id="review-${escapeHtml(item.id)}"><legend>${escapeHtml(`${item.id}: ${item.text}`)}</legend>
${followUpFields(item.key, v)}
${shown(item.key, [v.owner, v.due, v.status])}</fieldset>`;
}

function addedFollowUpItem(item: AddedFollowUp) {
  return `<fieldset id="review-${escapeHtml(item.id)}"><legend>${escapeHtml(`${item.id} (added in review)`)}</legend>
<label>Action <input ${name(item.key, 'action')} size="40" maxlength="500" value="${escapeHtml(item.action)}"></label>
${followUpFields(item.key, item)}
<label class="remove"><input type="checkbox" ${name(item.key, 'remove')} value="yes"> Remove</label>
${shown(item.key, [item.action, item.owner, item.due, item.status])}</fieldset>`;
}

const NEW_FOLLOW_UP = `<fieldset id="review-new-follow-up"><legend>Add a follow-up</legend>
<label>Action <input name="new-follow-up/action" size="40" maxlength="500"></label>
${followUpFields('new-follow-up', { owner: '', due: '', status: 'open' })}</fieldset>`;

const NEW_TIMELINE_ENTRY = `<fieldset id="review-new-timeline"><legend>Add a timeline entry</legend>
<label>Time (UTC) <input name="new-timeline/ts" type="datetime-local"></label>
<label>What happened <input name="new-timeline/summary" size="60" maxlength="2000"></label></fieldset>`;

/** Edits whose item left the draft when it was regenerated: listed for what they were, attached to nothing. */
export function staleList(subject: ReviewSubject, edits: ReviewEdits): string {
  const stale = staleEdits(subject, edits);
  if (!stale.length) return '';
  const rows = stale
    .map(
      (s) =>
        `<li><span class="stale-item">${escapeHtml(`${KIND_LABEL[s.kind]} ${s.id}`)}</span> ${escapeHtml(staleAbout(s))}: <strong>${escapeHtml(s.edit || 'no edit')}</strong></li>`,
    )
    .join('\n');
  return `<section id="stale-edits"><h3>${STALE_TITLE}</h3>
<p class="meta">Regenerating from new evidence changed or removed these items; their edits are kept here and attach to nothing else.</p>
<ul>${rows}</ul></section>`;
}

/**
 * The review as one plain form (no script), so a Save anywhere keeps everything typed anywhere:
 * the narrative sections, a decision per claim and suspect (when the incident has them), owner,
 * due date and status per follow-up, and follow-ups and timeline entries the reviewer adds.
 */
export function reviewForms(
  base: string,
  subject: ReviewSubject,
  edits: ReviewEdits,
  query: string,
  { decisions = true }: { decisions?: boolean } = {},
): string {
  const narrative = NARRATIVE.map(([id, title]) => {
    const key = narrativeKey(id);
    const text = narrativeOf(edits, id);
    return `<fieldset id="review-narrative-${id}"><legend>${title}</legend>
<textarea ${name(key, 'text')} rows="4" cols="90" maxlength="20000">${escapeHtml(text)}</textarea>
${shown(key, [text])}</fieldset>`;
  });
  const claims = subject.claims.map((c) => decisionFields(c, `review-${c.id}`, `${c.id}: ${c.text}`, edits));
  const suspects = subject.suspects.map((s) =>
    decisionFields(s, `review-suspect-${s.id}`, `Suspect ${s.id}: ${s.text}`, edits),
  );
  const followUps = [
    ...subject.followUps.map((f) => followUpItem(f, edits)),
    ...addedFollowUps(edits).map(addedFollowUpItem),
  ];
  const entries = addedTimeline(edits).map(
    (e) =>
      `<li>${escapeHtml(`${formatTime(e.ts, 'UTC')} UTC: ${e.summary}`)} <label class="remove"><input type="checkbox" ${name(e.key, 'remove')} value="yes"> Remove</label></li>`,
  );
  const decided = decisions
    ? `<h3 id="review-claims">Claims</h3>${claims.join('\n') || '<p>No claims.</p>'}
${save('claims')}
<h3 id="review-suspects">Suspects</h3>${suspects.join('\n') || '<p>No suspects.</p>'}
${save('suspects')}\n`
    : '';
  return `<section id="review"><h2>Review</h2>
<form method="post" action="${escapeHtml(`${base}/review${query}`)}" id="review-form">
<h3 id="review-narrative">Narrative</h3>${narrative.join('\n')}
${save('narrative')}
${decided}<h3 id="review-follow-ups">Follow-ups</h3>${followUps.join('\n') || '<p>No follow-ups.</p>'}
${NEW_FOLLOW_UP}
${save('follow-ups')}
<h3 id="review-timeline">Timeline entries added in review</h3>${entries.length ? `<ul>${entries.join('\n')}</ul>` : ''}
${NEW_TIMELINE_ENTRY}
${save('timeline')}
</form>
${staleList(subject, edits)}
</section>`;
}
