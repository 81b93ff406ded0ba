import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IncidentStore, ReviewSubject } from '../library/index.js';
import { HttpError } from './http-error.js';
import { reply } from './reply.js';
import { readFields } from './request-body.js';
import type { ReviewEdits } from './review.js';
import { addedFollowUps, nextAddedKey } from './review-additions.js';
import { formChanges } from './review-form-input.js';
import { editFor, newFollowUpValue, newTimelineValue } from './review-input.js';

/** The incident a review edit is posted to. */
export interface ReviewTarget {
  store: IncidentStore;
  id: string;
  subject: ReviewSubject;
  /** An imported postmortem has no claims or suspects. */
  imported: boolean;
  /** `/incidents/<id>` and the `?token=` to keep on links. */
  base: string;
  query: string;
}

const SECTIONS = ['narrative', 'claims', 'suspects', 'follow-ups', 'timeline'];

/**
 * Saves what is posted to `/incidents/<id>/…`: the whole review form (`review`), one item
 * (`claims/<id>`, `suspects/<ref>`, `follow-ups/<id>`, `narrative/<section>`), or a follow-up or
 * timeline entry to add (`follow-ups`, `timeline`). Writes run one at a time, so two additions
 * never take the same number. Answers JSON when asked, else sends the browser back to the form.
 */
export function reviewPoster() {
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  };
  return async (target: ReviewTarget, path: string[], req: IncomingMessage, res: ServerResponse) => {
    const { store, id } = target;
    const [kind, item] = path;
    if (target.imported && (kind === 'claims' || kind === 'suspects'))
      throw new HttpError(404, 'NOT_FOUND', `incident ${id} was imported: it has no ${kind}`);
    const known =
      (path.length === 2 && ['claims', 'suspects', 'follow-ups', 'narrative'].includes(kind)) ||
      (path.length === 1 && ['review', 'follow-ups', 'timeline'].includes(kind));
    if (!known) throw new HttpError(404, 'NOT_FOUND', `nothing to post to at ${path.join('/')}`);
    // The library redacts a reviewer's text before it keeps it (libraryOver).
    const fields = await readFields(req);
    const saved = await inTurn(async (): Promise<Record<string, unknown>> => {
      const edits: ReviewEdits = await store.edits(id);
      if (path.length === 2) {
        const { key, value } = editFor(target.subject, kind, item, fields);
        await store.putEdit(id, key, value);
        const { id: _id, text: _text, ...shown } = value;
        return { item: `${kind.replace(/s$/, '')}:${item}`, ...shown };
      }
      if (kind === 'follow-ups') {
        const key = nextAddedKey(edits, 'added-follow-up');
        const value = newFollowUpValue(fields);
        await store.putEdit(id, key, { ...value, added: new Date().toISOString() });
        const added = addedFollowUps({ ...edits, [key]: value }).find((f) => f.key === key);
        return { item: `follow-up:${added?.id}`, ...value };
      }
      if (kind === 'timeline') {
        const value = newTimelineValue(fields);
        await store.putEdit(id, nextAddedKey(edits, 'added-timeline'), {
          ...value,
          added: new Date().toISOString(),
        });
        return { item: 'timeline', ...value };
      }
      const { put, drop } = formChanges(target.subject, edits, fields);
      for (const [key, value] of put) await store.putEdit(id, key, value);
      for (const key of drop) await store.deleteEdit(id, key);
      return { changed: put.length, removed: drop.length };
    });
    if (String(req.headers.accept ?? '').includes('application/json'))
      return reply(
        res,
        200,
        { 'content-type': 'application/json; charset=utf-8' },
        `${JSON.stringify({ saved })}\n`,
      );
    const at = SECTIONS.includes(fields.at ?? '') ? `review-${fields.at}` : 'review';
    reply(res, 303, { location: `${target.base}${target.query}#${at}` });
  };
}
