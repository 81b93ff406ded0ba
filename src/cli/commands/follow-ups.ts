import { readFile, stat } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { generate } from '../../generate.js';
import {
  checklist,
  type Destination,
  destinations,
  ExportableReport,
  formatRequest,
  github,
  jira,
  jiraCsv,
  LINEAR_API,
  linear,
  type PlannedRequest,
  push,
  recordingFetch,
  recordingSend,
  scrub,
  secretForms,
  type Tracker,
  TrackerError,
  trackerItems,
} from '../../trackers/index.js';
import { writeOutput } from '../output.js';

export interface FollowUpsOptions {
  to: Destination;
  repo?: string;
  project?: string;
  jiraUrl?: string;
  team?: string;
  issueType?: string;
  dryRun?: boolean;
  output?: string;
  /** Where tokens are read from; the process environment by default. */
  env?: NodeJS.ProcessEnv;
  /** GitHub's API address: GitHub Enterprise Server's, or a proxy's. */
  githubUrl?: string;
  /** Linear's GraphQL address, for a proxy. */
  linearUrl?: string;
  write?: (text: string) => void;
}

/** A report file is read as JSON; a folder (or evidence files) goes through the whole pipeline. */
export async function loadReport(paths: string[]): Promise<ExportableReport> {
  const [first] = paths;
  const info = paths.length === 1 && first ? await stat(first).catch(() => null) : null;
  const isReport = info?.isFile() && /\.json$/i.test(first!);
  const source = isReport ? first! : paths.join(' ');
  let raw: unknown;
  if (isReport) {
    try {
      raw = JSON.parse(await readFile(first!, 'utf8'));
    } catch (error) {
      throw new InputError('FOLLOW_UPS_BAD_REPORT', first!, `not JSON: ${(error as Error).message}`);
    }
  } else {
    const { output } = await generate(paths, { format: 'json', library: false });
    raw = JSON.parse(output);
  }
  const parsed = ExportableReport.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(
      'FOLLOW_UPS_BAD_REPORT',
      source,
      `not a report written by \`hindsight generate --format json\`: ${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

function need(value: string | undefined, option: string, target: string): string {
  if (!value) throw new InputError('FOLLOW_UPS_OPTION_MISSING', target, `${option} is required`);
  return value;
}

function token(env: NodeJS.ProcessEnv, name: string, target: string, dryRun: boolean): string | undefined {
  const value = env[name];
  if (!value && !dryRun)
    throw new InputError('TRACKER_NO_TOKEN', target, `set ${name} in the environment (or use --dry-run)`);
  return value;
}

interface Built {
  tracker: Tracker;
  name: string;
  secrets: string[];
}

interface BuildContext {
  opts: FollowUpsOptions;
  env: NodeJS.ProcessEnv;
  /** Where a dry run records its requests; null for a real run. */
  log: PlannedRequest[] | null;
}

function buildGitHub({ opts, env, log }: BuildContext): Built {
  const repo = need(opts.repo, '--repo owner/name', 'github');
  if (!/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/.test(repo))
    throw new InputError('FOLLOW_UPS_OPTION_MISSING', 'github', `--repo must be owner/name, not ${repo}`);
  const name = `github ${repo}`;
  const t = token(env, 'GITHUB_TOKEN', name, log != null);
  const answer = (r: PlannedRequest) =>
    r.method === 'GET'
      ? { status: 200, body: [] }
      : { status: 201, body: { id: 0, number: 0, html_url: null } };
  const fetch = log ? recordingFetch(answer, log) : undefined;
  return {
    name,
    secrets: secretForms([t]),
    tracker: github({ repo, token: t, baseUrl: opts.githubUrl, fetch }),
  };
}

function buildJira({ opts, env, log }: BuildContext): Built {
  const url = need(opts.jiraUrl, '--jira-url https://your-site.atlassian.net', 'jira');
  const project = need(opts.project, '--project KEY', 'jira');
  const name = `jira ${project}`;
  const email = log ? env.JIRA_EMAIL : need(env.JIRA_EMAIL, 'JIRA_EMAIL in the environment', name);
  const t = token(env, 'JIRA_API_TOKEN', name, log != null);
  const answer = (r: PlannedRequest) => {
    if (r.url.endsWith('/search/jql')) return { status: 200, body: { issues: [], isLast: true } };
    return r.method === 'PUT' ? { status: 204 } : { status: 201, body: { id: '0', key: `${project}-?` } };
  };
  const fetch = log ? recordingFetch(answer, log) : undefined;
  return {
    name,
    secrets: [...secretForms([t]), Buffer.from(`${email ?? ''}:${t ?? ''}`).toString('base64')],
    tracker: jira({ url, project, email, token: t, issueType: opts.issueType, fetch }),
  };
}

function buildLinear({ opts, env, log }: BuildContext): Built {
  const team = need(opts.team, '--team KEY', 'linear');
  const name = `linear ${team}`;
  const t = token(env, 'LINEAR_API_KEY', name, log != null);
  const apiUrl = opts.linearUrl ?? LINEAR_API;
  const send = log ? recordingSend(apiUrl, log, team) : undefined;
  return { name, secrets: secretForms([t]), tracker: linear({ team, apiKey: t, apiUrl, send }) };
}

/** Each tracker's client, sending for real or recording for a dry run. */
const builders = { github: buildGitHub, jira: buildJira, linear: buildLinear } satisfies Record<
  Exclude<Destination, 'csv' | 'md'>,
  (context: BuildContext) => Built
>;

/**
 * Sends each follow-up of a report to a tracker (creating, or updating what an earlier run made),
 * or writes them as a Jira CSV or a Markdown checklist.
 */
export async function runFollowUps(paths: string[], opts: FollowUpsOptions): Promise<void> {
  const write = opts.write ?? ((text: string) => process.stdout.write(text));
  if (opts.to === 'csv' || opts.to === 'md') {
    const items = trackerItems(await loadReport(paths));
    await writeOutput(opts.to === 'csv' ? jiraCsv(items) : checklist(items), opts.output);
    return;
  }
  const log: PlannedRequest[] | null = opts.dryRun ? [] : null;
  // Options and tokens are checked before a bundle's pipeline runs.
  const { tracker, name, secrets } = builders[opts.to]({ opts, env: opts.env ?? process.env, log });
  const items = trackerItems(await loadReport(paths));
  const say = (text: string) => write(scrub(text, secrets));
  try {
    const done = await push(items, tracker, {
      onDone: (d) => {
        if (!log) say(`${d.action} ${d.key} ${d.followUp}${d.url ? ` ${d.url}` : ''}\n`);
      },
    });
    if (log) {
      say(
        `# dry run: ${log.length} requests to ${name}, none sent; searches are answered as empty, so each follow-up shows as created\n`,
      );
      for (const r of log) say(formatRequest(r));
    } else if (!done.length) say(`no follow-ups in this report; nothing sent to ${name}\n`);
  } catch (error) {
    if (!(error instanceof TrackerError)) throw error;
    const made = error.done.length
      ? `; done before the failure: ${error.done.map((d) => `${d.action} ${d.key} (${d.followUp})`).join(', ')}`
      : '; nothing was created';
    throw new InputError(error.code, name, scrub(`${error.message}${made}`, secrets));
  }
}

export function register(program: Command): void {
  program
    .command('follow-ups')
    .description(
      "send a report's follow-ups to GitHub, Jira or Linear (one issue each), or write them as CSV or a checklist",
    )
    .argument('<report...>', 'a JSON report from `generate --format json`, or a bundle folder')
    .addOption(new Option('--to <destination>', 'where they go').choices(destinations).makeOptionMandatory())
    .option('--repo <owner/name>', 'GitHub repository (token: GITHUB_TOKEN)')
    .option(
      '--jira-url <url>',
      'Jira Cloud site, https://your-site.atlassian.net (JIRA_EMAIL, JIRA_API_TOKEN)',
    )
    .option('--project <key>', 'Jira project key')
    .option('--issue-type <name>', 'Jira issue type', 'Task')
    .option(
      '--github-url <url>',
      'GitHub API address, for GitHub Enterprise Server',
      'https://api.github.com',
    )
    .option('--team <key>', 'Linear team key (token: LINEAR_API_KEY)')
    .addOption(new Option('--linear-url <url>', 'Linear GraphQL address').hideHelp())
    .option('--dry-run', 'print the requests it would send (method, URL, body), send nothing')
    .option('-o, --output <file>', 'for csv and md: where to write (- for standard output)', '-')
    .action(async (paths: string[], opts: FollowUpsOptions) => {
      await runFollowUps(paths, opts);
    });
}
