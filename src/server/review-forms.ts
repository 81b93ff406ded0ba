import type { ReviewSubject } from '../library/index.js';
import { escapeHtml } from '../render/index.js';
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
  staleEdits,
} from './review.js';

const options = (values: readonly string[], chosen: string) =>
  values.map((v) => `<option value="${v}"${v === chosen ? ' selected' : ''}>${v}</option>`).join('');

const slot = (text: string) => encodeURIComponent(text);

function decisionForm(
  action: string,
  id: string,
  label: string,
  current: { decision: string; reason: string },
) {
  return `<form method="post" action="${escapeHtml(action)}" id="${escapeHtml(id)}"><fieldset><legend>${escapeHtml(label)}</legend>
<label>Decision <select name="decision">${options(DECISIONS, current.decision)}</select></label>
<label>Reason <input name="reason" size="60" maxlength="2000" value="${escapeHtml(current.reason)}"></label>
<button type="submit">Save</button></fieldset></form>`;
}

/** Edits whose item left the draft when it was regenerated: listed for what they were, attached to nothing. */
export function staleList(subject: ReviewSubject, edits: ReviewEdits): string {
  const stale = staleEdits(subject, edits);
  if (!stale.length) return '';
  const rows = stale
    .map(
      (s) =>
        `<li><span class="stale-item">${escapeHtml(`${KIND_LABEL[s.kind]} ${s.id}`)}</span> ${escapeHtml(s.text ? `“${s.text}”` : '(its words were not recorded)')}: <strong>${escapeHtml(s.edit || 'no edit')}</strong></li>`,
    )
    .join('\n');
  return `<section id="stale-edits"><h3>${STALE_TITLE}</h3>
<p class="meta">Regenerating from new evidence changed or removed these items; their edits are kept here and attach to nothing else.</p>
<ul>${rows}</ul></section>`;
}

/**
 * The review controls as plain forms (no script): the narrative sections, a decision per claim
 * and suspect (when the incident has them), and owner, due date and status per follow-up.
 */
export function reviewForms(
  base: string,
  subject: ReviewSubject,
  edits: ReviewEdits,
  query: string,
  { decisions = true }: { decisions?: boolean } = {},
): string {
  const at = (path: string) => `${base}/${path}${query}`;
  const claims = subject.claims.map((c) =>
    decisionForm(
      at(`claims/${slot(c.id)}`),
      `review-${c.id}`,
      `${c.id}: ${c.text}`,
      decisionOf(edits, c.key),
    ),
  );
  const suspects = subject.suspects.map((s) =>
    decisionForm(
      at(`suspects/${slot(s.id)}`),
      `review-suspect-${s.id}`,
      `Suspect ${s.id}: ${s.text}`,
      decisionOf(edits, s.key),
    ),
  );
  const narrative = NARRATIVE.map(
    ([
      id,
      title,
    ]) => `<form method="post" action="${escapeHtml(at(`narrative/${id}`))}" id="review-narrative-${id}"><fieldset><legend>${title}</legend>
<textarea name="text" rows="4" cols="90" maxlength="20000">${escapeHtml(narrativeOf(edits, id))}</textarea>
<button type="submit">Save</button></fieldset></form>`,
  );
  const followUps = subject.followUps.map((f) => {
    const v = followUpOf(edits, f);
    return `<form method="post" action="${escapeHtml(at(`follow-ups/${slot(f.id)}`))}" id="review-${escapeHtml(f.id)}"><fieldset><legend>${escapeHtml(`${f.id}: ${f.text}`)}</legend>
<label>Owner <input name="owner" maxlength="200" value="${escapeHtml(v.owner)}"></label>
<label>Due <input name="due" type="date" value="${escapeHtml(v.due)}"></label>
<label>Status <select name="status">${options(FOLLOW_UP_STATUSES, v.status)}</select></label>
<button type="submit">Save</button></fieldset></form>`;
  });
  const decided = decisions
    ? `<h3>Claims</h3>${claims.join('\n') || '<p>No claims.</p>'}
<h3>Suspects</h3>${suspects.join('\n') || '<p>No suspects.</p>'}\n`
    : '';
  return `<section id="review"><h2>Review</h2>
<h3>Narrative</h3>${narrative.join('\n')}
${decided}<h3>Follow-ups</h3>${followUps.join('\n') || '<p>No follow-ups.</p>'}
${staleList(subject, edits)}
</section>`;
}
