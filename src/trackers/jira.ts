import { adfBody } from './body.js';
import type { TrackerItem } from './follow-up-item.js';
import { scrub, secretForms } from './secrets.js';
import type { Issue, Tracker } from './tracker.js';
import { classify, networkReason, TrackerError } from './tracker-error.js';

export interface JiraOptions {
  /** The site: https://your-team.atlassian.net */
  url: string;
  /** Project key: OPS. */
  project: string;
  email?: string;
  token?: string;
  issueType?: string;
  fetch?: typeof fetch;
}

const PRIORITY: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };
const SEARCH_PAGE = 100;

/** Jira labels cannot hold spaces. */
const label = (text: string) => text.trim().replace(/\s+/g, '-');

export function jiraLabels(item: TrackerItem): string[] {
  return ['hindsight', label(item.incidentId), ...(item.type ? [label(item.type)] : [])];
}

/** A JQL string literal: backslash and double quote escaped. */
const jqlString = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The first reason Jira gave (`errorMessages`, then `errors`), short and without secrets. */
function reasonOf(body: unknown, secrets: string[]): string | undefined {
  const b = body as { errorMessages?: unknown[]; errors?: Record<string, unknown> } | null;
  const first = b?.errorMessages?.[0] ?? Object.entries(b?.errors ?? {}).map(([k, v]) => `${k}: ${v}`)[0];
  return first == null ? undefined : scrub(String(first), secrets).slice(0, 200);
}

interface SearchPage {
  issues?: Array<{ id: string; key: string; fields?: { description?: unknown } }>;
  nextPageToken?: string;
  isLast?: boolean;
}

/**
 * Issues in a Jira Cloud project through its REST API v3 (plain fetch; descriptions in Atlassian
 * Document Format). Exported issues carry the `hindsight` label and the incident's; a re-run
 * searches them once by JQL and finds each follow-up by the marker in its description.
 */
export function jira({
  url,
  project,
  email,
  token,
  issueType = 'Task',
  fetch = globalThis.fetch,
}: JiraOptions): Tracker {
  const site = url.replace(/\/+$/, '');
  const basic = Buffer.from(`${email ?? ''}:${token ?? ''}`).toString('base64');
  const secrets = [...secretForms([token]), basic];
  const target = `project ${project} at ${site}`;
  const request = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`${site}${path}`, {
        method,
        headers: {
          authorization: `Basic ${basic}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw classify({ status: null, tokenName: 'JIRA_API_TOKEN', target, reason: networkReason(error) });
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!response.ok)
      throw classify({
        status: response.status,
        headers: response.headers,
        tokenName: 'JIRA_EMAIL and JIRA_API_TOKEN',
        target,
        reason: reasonOf(parsed, secrets),
      });
    return parsed;
  };
  const asIssue = (key: string, id: string): Issue => ({ id, key, url: `${site}/browse/${key}` });
  const existing = new Map<string, Promise<Map<string, Issue>>>();
  // One search per incident: its issues by label, each matched to a follow-up by its marker.
  const listed = (item: TrackerItem) => {
    const search = async () => {
      const byMarker = new Map<string, Issue>();
      const jql = `project = ${jqlString(project)} AND labels = "hindsight" AND labels = ${jqlString(label(item.incidentId))} ORDER BY created ASC`;
      let nextPageToken: string | undefined;
      do {
        const page = (await request('POST', '/rest/api/3/search/jql', {
          jql,
          fields: ['summary', 'description'],
          maxResults: SEARCH_PAGE,
          ...(nextPageToken ? { nextPageToken } : {}),
        })) as SearchPage;
        for (const issue of page.issues ?? []) {
          const text = JSON.stringify(issue.fields?.description ?? '');
          const marker = /(hindsight:[A-Za-z0-9._:-]{1,200}) \(keep this line/.exec(text)?.[1];
          if (marker && !byMarker.has(marker)) byMarker.set(marker, asIssue(issue.key, issue.id));
        }
        nextPageToken = page.isLast === false ? page.nextPageToken : undefined;
      } while (nextPageToken);
      return byMarker;
    };
    if (!existing.has(item.incidentId)) existing.set(item.incidentId, search());
    return existing.get(item.incidentId)!;
  };
  return {
    find: async (item) => (await listed(item)).get(item.marker) ?? null,
    create: async (item) => {
      const priority = PRIORITY[item.priority ?? ''];
      const created = (await request('POST', '/rest/api/3/issue', {
        fields: {
          project: { key: project },
          issuetype: { name: issueType },
          summary: item.title,
          description: adfBody(item),
          labels: jiraLabels(item),
          ...(priority ? { priority: { name: priority } } : {}),
        },
      })) as { id?: string; key?: string } | null;
      if (!created?.key || !created.id)
        throw new TrackerError('refused', 'Jira answered the create without an issue key', 201);
      return asIssue(created.key, created.id);
    },
    update: async (issue, item) => {
      await request('PUT', `/rest/api/3/issue/${encodeURIComponent(issue.key)}`, {
        fields: { summary: item.title, description: adfBody(item) },
      });
      return issue;
    },
  };
}
