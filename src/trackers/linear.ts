import { markdownBody } from './body.js';
import type { PlannedRequest } from './dry-run.js';
import type { TrackerItem } from './follow-up-item.js';
import { scrub, secretForms } from './secrets.js';
import type { Issue, Tracker } from './tracker.js';
import { classify, header, networkReason, TrackerError } from './tracker-error.js';

/** Sends one GraphQL operation and returns its `data`. */
export type LinearSend = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

export interface LinearOptions {
  /** Team key: ENG. */
  team: string;
  apiKey?: string;
  apiUrl?: string;
  /** How operations are sent; by default the Linear SDK's client. */
  send?: LinearSend;
}

export const LINEAR_API = 'https://api.linear.app/graphql';

// The few operations the export needs, checked against Linear's schema in the tests.
export const TEAM_QUERY = `query HindsightTeam($key: String!) {
  teams(filter: { key: { eqIgnoreCase: $key } }) { nodes { id key } }
}`;
export const FIND_QUERY = `query HindsightFind($teamId: ID!, $marker: String!) {
  issues(filter: { team: { id: { eq: $teamId } }, description: { contains: $marker } }, first: 10) {
    nodes { id identifier url description }
  }
}`;
export const CREATE_MUTATION = `mutation HindsightCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier url } }
}`;
export const UPDATE_MUTATION = `mutation HindsightUpdate($id: String!, $input: IssueUpdateInput!) {
  issueUpdate(id: $id, input: $input) { success issue { id identifier url } }
}`;

/** Linear's priority numbers: 1 urgent, 2 high, 3 medium, 4 low. */
const PRIORITY: Record<string, number> = { high: 2, medium: 3, low: 4 };

interface LinearIssue {
  id: string;
  identifier: string;
  url: string;
}
const asIssue = (i: LinearIssue): Issue => ({ id: i.id, key: i.identifier, url: i.url });

/** The SDK's client: its own auth, transport and error types. */
export function sdkSend({ apiKey, apiUrl = LINEAR_API }: { apiKey?: string; apiUrl?: string }): LinearSend {
  // Loaded on first use: the SDK is large, and only this command needs it.
  const client = import('@linear/sdk').then(
    ({ LinearClient }) => new LinearClient({ apiKey: apiKey ?? '', apiUrl }),
  );
  return async (query, variables) => (await (await client).client.rawRequest(query, variables)).data;
}

/** A send that records the request and answers as if no issue existed yet (for `--dry-run`). */
export function recordingSend(apiUrl: string, log: PlannedRequest[], team: string): LinearSend {
  return async (query, variables) => {
    log.push({ method: 'POST', url: apiUrl, body: { query, variables } });
    if (query === TEAM_QUERY) return { teams: { nodes: [{ id: `<id of team ${team}>`, key: team }] } };
    if (query === FIND_QUERY) return { issues: { nodes: [] } };
    const issue = { id: '<new issue id>', identifier: `${team}-?`, url: null };
    return { issueCreate: { success: true, issue }, issueUpdate: { success: true, issue } };
  };
}

interface SdkError {
  status?: number;
  type?: string;
  errors?: Array<{ type?: string; message?: string }>;
  raw?: { response?: { headers?: unknown } };
}

/** A failure of the SDK as one line, from the status and the error type Linear gave. */
function failure(error: unknown, team: string, secrets: string[]): TrackerError {
  if (error instanceof TrackerError) return error;
  const e = error as SdkError;
  const headers = e.raw?.response?.headers;
  const status = typeof e.status === 'number' ? e.status : null;
  // Linear answers a rate limit with HTTP 400 and the RATELIMITED code; the SDK names it.
  if (e.type === 'Ratelimited') {
    const reset = header(headers, 'x-ratelimit-requests-reset');
    return new TrackerError(
      'rate-limited',
      `rate limited${status ? ` (HTTP ${status})` : ''}${reset ? `; retry after ${reset}` : ''}; run the command again later, it updates what it already created`,
      status,
    );
  }
  // The SDK calls any 4xx an authentication error; only Linear's own error type is believed.
  const given = e.errors?.[0]?.type;
  const message = e.errors?.[0]?.message;
  return classify({
    status: given === 'AuthenticationError' ? 401 : given === 'Forbidden' ? 403 : status,
    headers,
    tokenName: 'LINEAR_API_KEY',
    target: `team ${team}`,
    reason: status == null ? networkReason(error) : message && scrub(message, secrets).slice(0, 200),
  });
}

/**
 * Issues in a Linear team through the Linear SDK's GraphQL client. A re-run finds each
 * follow-up's issue by the marker line in its description.
 */
export function linear({ team, apiKey, apiUrl, send = sdkSend({ apiKey, apiUrl }) }: LinearOptions): Tracker {
  const secrets = secretForms([apiKey]);
  let teamId: Promise<string> | undefined;
  const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    try {
      return (await send(query, variables)) as T;
    } catch (error) {
      throw failure(error, team, secrets);
    }
  };
  const resolveTeam = () => {
    teamId ??= call<{ teams: { nodes: Array<{ id: string }> } }>(TEAM_QUERY, { key: team }).then((d) => {
      const id = d.teams.nodes[0]?.id;
      if (!id)
        throw new TrackerError(
          'not-found',
          `team ${team} was not found in Linear, or LINEAR_API_KEY cannot see it`,
        );
      return id;
    });
    return teamId;
  };
  const input = (item: TrackerItem) => {
    const priority = PRIORITY[item.priority ?? ''];
    return { title: item.title, description: markdownBody(item), ...(priority ? { priority } : {}) };
  };
  const answered = (payload: { success: boolean; issue?: LinearIssue | null }) => {
    if (!payload.success || !payload.issue)
      throw new TrackerError('refused', 'Linear did not save the issue', 200);
    return asIssue(payload.issue);
  };
  return {
    find: async (item) => {
      const d = await call<{ issues: { nodes: Array<LinearIssue & { description?: string | null }> } }>(
        FIND_QUERY,
        { teamId: await resolveTeam(), marker: item.marker },
      );
      // `contains` would also match FU-0010 for FU-001: the marker must end where its line says.
      const found = d.issues.nodes.find((n) =>
        (n.description ?? '').includes(`${item.marker} (keep this line`),
      );
      return found ? asIssue(found) : null;
    },
    create: async (item) => {
      const d = await call<{ issueCreate: { success: boolean; issue?: LinearIssue } }>(CREATE_MUTATION, {
        input: { teamId: await resolveTeam(), ...input(item) },
      });
      return answered(d.issueCreate);
    },
    update: async (issue, item) => {
      const d = await call<{ issueUpdate: { success: boolean; issue?: LinearIssue } }>(UPDATE_MUTATION, {
        id: issue.id,
        input: input(item),
      });
      return answered(d.issueUpdate);
    },
  };
}
