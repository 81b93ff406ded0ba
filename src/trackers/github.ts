import type { Octokit } from '@octokit/rest';
import { markdownBody } from './body.js';
import type { TrackerItem } from './follow-up-item.js';
import type { Issue, Tracker } from './tracker.js';
import { classify, networkReason, TrackerError } from './tracker-error.js';

export interface GitHubOptions {
  /** "owner/name". */
  repo: string;
  token?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** The label every exported issue carries; a re-run lists issues by it to find its markers. */
export const EXPORT_LABEL = 'hindsight';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export function githubLabels(item: TrackerItem): string[] {
  return [
    EXPORT_LABEL,
    `incident:${item.incidentId}`,
    ...(item.type ? [`type:${item.type}`] : []),
    ...(item.priority ? [`priority:${item.priority}`] : []),
  ];
}

/** A failure of the Octokit client as one line, from its status and headers alone. */
function failure(error: unknown, repo: string): TrackerError {
  if (error instanceof TrackerError) return error;
  const e = error as { status?: number; response?: { headers?: unknown } };
  // Octokit reports a request that got no answer as status 500 without a response.
  const answered = typeof e.status === 'number' && e.response !== undefined;
  return classify({
    status: answered ? e.status! : null,
    headers: e.response?.headers,
    tokenName: 'GITHUB_TOKEN',
    target: `repository ${repo}`,
    reason: answered ? undefined : networkReason(e),
  });
}

/**
 * Issues in a GitHub repository through Octokit. Exported issues carry the `hindsight` label and a
 * hidden marker; the first lookup lists the label's issues once, so a re-run finds what it made
 * even before GitHub's search index has it.
 */
export function github({ repo, token, baseUrl = 'https://api.github.com', fetch }: GitHubOptions): Tracker {
  const [owner = '', name = ''] = repo.split('/');
  // Loaded on first use, so other commands do not pay for the client at start-up.
  let client: Promise<Octokit> | undefined;
  const octokit = () => {
    client ??= import('@octokit/rest').then(
      ({ Octokit }) =>
        new Octokit({ auth: token, baseUrl, userAgent: 'hindsight', log: quiet, request: { fetch } }),
    );
    return client;
  };
  let existing: Promise<Map<string, Issue>> | undefined;
  const asIssue = (i: { id: number; number: number; html_url: string }): Issue => ({
    id: String(i.id),
    key: `#${i.number}`,
    url: i.html_url,
  });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw failure(error, repo);
    }
  };
  const listed = () => {
    existing ??= call(async () => {
      const o = await octokit();
      const issues = await o.paginate(o.rest.issues.listForRepo, {
        owner,
        repo: name,
        labels: EXPORT_LABEL,
        state: 'all',
        per_page: 100,
      });
      const byMarker = new Map<string, Issue>();
      for (const i of issues) {
        const marker = /<!-- (hindsight:[A-Za-z0-9._:-]{1,200}) -->/.exec(i.body ?? '')?.[1];
        if (marker && !i.pull_request && !byMarker.has(marker)) byMarker.set(marker, asIssue(i));
      }
      return byMarker;
    });
    return existing;
  };
  return {
    find: async (item) => (await listed()).get(item.marker) ?? null,
    create: (item) =>
      call(async () => {
        const { data } = await (await octokit()).rest.issues.create({
          owner,
          repo: name,
          title: item.title,
          body: markdownBody(item, { hiddenMarker: true }),
          labels: githubLabels(item),
        });
        return asIssue(data);
      }),
    // Labels are left as people set them since; only the text the export owns is rewritten.
    update: (issue, item) =>
      call(async () => {
        const { data } = await (await octokit()).rest.issues.update({
          owner,
          repo: name,
          issue_number: Number(issue.key.slice(1)),
          title: item.title,
          body: markdownBody(item, { hiddenMarker: true }),
        });
        return asIssue(data);
      }),
  };
}
