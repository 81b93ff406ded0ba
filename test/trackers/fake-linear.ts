import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLError, graphqlSync, parse, validate } from 'graphql';
import { type FakeReply, type FakeRequest, fakeServer } from './fake-server.js';

// Linear's GraphQL schema, the part the export uses (see test/fixtures/trackers/PROVENANCE.md).
const schema = buildSchema(
  readFileSync(new URL('../fixtures/trackers/linear-schema.graphql', import.meta.url), 'utf8'),
);

/** Each operation must parse and validate against Linear's schema. */
function check(r: FakeRequest): string[] {
  if (r.method !== 'POST' || r.path !== '/graphql')
    return [`${r.method} ${r.path}: Linear serves GraphQL at POST /graphql`];
  const { query } = (r.body ?? {}) as { query?: string };
  if (typeof query !== 'string') return ['POST /graphql: no query'];
  try {
    return validate(schema, parse(query)).map((e) => `GraphQL: ${e.message}`);
  } catch (error) {
    return [`GraphQL: ${(error as GraphQLError).message}`];
  }
}

export interface FakeLinearOptions {
  team?: string;
  apiKey?: string;
  /** Answer the nth mutation (1-based) with this reply instead. */
  failWrite?: { at: number; reply: FakeReply };
}

interface StoredIssue {
  id: string;
  identifier: string;
  title: string;
  description: string | null;
  priority: number;
  url: string;
}

/** Linear's GraphQL API for one team: operations checked and run against Linear's schema. */
export async function fakeLinear({
  team = 'ENG',
  apiKey = 'lin_api_fakeKeyForTests42',
  failWrite,
}: FakeLinearOptions = {}) {
  const issues: StoredIssue[] = [];
  const teamRow = { id: 'team-0001', key: team, name: 'Engineering' };
  let mutations = 0;
  type Input = { title?: string; description?: string; priority?: number };
  const root = {
    teams: ({ filter }: { filter?: { key?: { eq?: string; eqIgnoreCase?: string } } }) => {
      const key = filter?.key?.eq ?? filter?.key?.eqIgnoreCase;
      return { nodes: !key || key.toUpperCase() === team ? [teamRow] : [] };
    },
    issues: ({
      filter,
    }: {
      filter?: { team?: { id?: { eq?: string } }; description?: { contains?: string } };
    }) => ({
      nodes: issues
        .filter(() => !filter?.team?.id?.eq || filter.team.id.eq === teamRow.id)
        .filter(
          (i) =>
            !filter?.description?.contains || (i.description ?? '').includes(filter.description.contains),
        )
        .map((i) => ({ ...i, team: teamRow })),
    }),
    issueCreate: ({ input }: { input: Input & { teamId: string } }) => {
      if (input.teamId !== teamRow.id) throw new Error('Entity not found: Team');
      const n = issues.length + 1;
      const issue = {
        id: `issue-${n}`,
        identifier: `${team}-${n}`,
        title: input.title ?? '',
        description: input.description ?? null,
        priority: input.priority ?? 0,
        url: `https://linear.app/acme/issue/${team}-${n}`,
      };
      issues.push(issue);
      return { success: true, lastSyncId: n, issue: { ...issue, team: teamRow } };
    },
    issueUpdate: ({ id, input }: { id: string; input: Input }) => {
      const issue = issues.find((i) => i.id === id);
      if (!issue) throw new Error('Entity not found: Issue');
      Object.assign(issue, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
      return { success: true, lastSyncId: 99, issue: { ...issue, team: teamRow } };
    },
  };
  const server = await fakeServer(check, (r) => {
    // Linear's answer to a bad key, here echoing the key as a careless proxy might.
    if (r.headers.authorization !== apiKey)
      return {
        status: 400,
        body: {
          errors: [
            {
              message: `Authentication required, not authenticated (${r.headers.authorization})`,
              extensions: { type: 'authentication error', code: 'AUTHENTICATION_ERROR' },
            },
          ],
        },
      };
    const { query, variables } = r.body as { query: string; variables?: Record<string, unknown> };
    if (/^\s{0,10}mutation/.test(query) && failWrite && ++mutations === failWrite.at) return failWrite.reply;
    // Variables are coerced to the schema's input types here: a wrong input field is an error.
    const result = graphqlSync({ schema, source: query, rootValue: root, variableValues: variables });
    for (const e of result.errors ?? [])
      if (e.message.startsWith('Variable')) server.violations.push(`GraphQL: ${e.message}`);
    return { status: 200, body: result };
  });
  return { ...server, issues, apiKey, team };
}
