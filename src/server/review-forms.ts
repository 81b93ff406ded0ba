import type { Report } from '../model/index.js';
import { escapeHtml } from '../render/index.js';
import {
  claimKey,
  DECISIONS,
  decisionOf,
  FOLLOW_UP_STATUSES,
  followUpOf,
  NARRATIVE,
  narrativeOf,
  type ReviewEdits,
  suspectKey,
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

/**
 * The review controls as plain forms (no script): a decision per claim and suspect, the
 * narrative sections, and owner, due date and status per follow-up.
 */
export function reviewForms(base: string, report: Report, edits: ReviewEdits, query: string): string {
  const at = (path: string) => `${base}/${path}${query}`;
  const claims = report.claims.map((c) =>
    decisionForm(
      at(`claims/${slot(c.id)}`),
      `review-${c.id}`,
      `${c.id}: ${c.statement}`,
      decisionOf(edits, claimKey(c.id)),
    ),
  );
  const suspects = report.suspects.map((s) =>
    decisionForm(
      at(`suspects/${slot(s.ref)}`),
      `review-suspect-${s.ref}`,
      `Suspect ${s.ref}: ${s.summary}`,
      decisionOf(edits, suspectKey(s.ref)),
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
  const followUps = report.followUps.map((f) => {
    const v = followUpOf(edits, f.id);
    return `<form method="post" action="${escapeHtml(at(`follow-ups/${slot(f.id)}`))}" id="review-${escapeHtml(f.id)}"><fieldset><legend>${escapeHtml(`${f.id}: ${f.action}`)}</legend>
<label>Owner <input name="owner" maxlength="200" value="${escapeHtml(v.owner)}"></label>
<label>Due <input name="due" type="date" value="${escapeHtml(v.due)}"></label>
<label>Status <select name="status">${options(FOLLOW_UP_STATUSES, v.status)}</select></label>
<button type="submit">Save</button></fieldset></form>`;
  });
  return `<section id="review"><h2>Review</h2>
<h3>Narrative</h3>${narrative.join('\n')}
<h3>Claims</h3>${claims.join('\n') || '<p>No claims.</p>'}
<h3>Suspects</h3>${suspects.join('\n') || '<p>No suspects.</p>'}
<h3>Follow-ups</h3>${followUps.join('\n') || '<p>No follow-ups.</p>'}
</section>`;
}
