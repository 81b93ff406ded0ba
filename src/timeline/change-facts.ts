/** Facts a change record states about itself, read from its attributes or its text. */
export interface ChangeFacts {
  approvals?: { given: number; required: number | null };
  window?: 'in_window' | 'out_of_window';
  version?: string;
  author?: string;
}

const APPROVALS = /\bapprovals?\s*[:=]?\s*(\d+)\s*(?:\/|of)\s*(\d+)/i;
const WINDOW = /\bwindow\s*[:=]\s*([\w-]+)/i;
const VERSION = /(?:^|[\s(@:=])(v?\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?)(?=$|[\s),;])|(#\d+)\b/i;
const AUTHOR = /\b(?:author|by|approver)\s*[:=]\s*([\w.@-]+)/i;

const countOf = (value: unknown): number | null => {
  if (Array.isArray(value)) return value.length;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

function approvalsFrom(value: unknown): ChangeFacts['approvals'] | undefined {
  if (typeof value === 'number') return { given: value, required: null };
  // A record of its own: `{ "required": 2, "received": 1 }`, or the approvers listed.
  if (Array.isArray(value)) return { given: value.length, required: null };
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const given = countOf(o.received ?? o.given ?? o.approved ?? o.count ?? o.approvers);
    return given === null ? undefined : { given, required: countOf(o.required ?? o.needed) };
  }
  if (typeof value !== 'string') return undefined;
  const m = value.match(/^\s*(\d+)\s*(?:\/|of)\s*(\d+)\s*$/) ?? value.match(/^\s*(\d+)\s*$/);
  return m ? { given: Number(m[1]), required: m[2] ? Number(m[2]) : null } : undefined;
}

function windowFrom(value: unknown): ChangeFacts['window'] | undefined {
  const v = String(value ?? '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (!v) return undefined;
  if (/^(out_of_window|outside|out|no|false|outside_window)$/.test(v)) return 'out_of_window';
  if (/^(in_window|inside|in|yes|true|within)$/.test(v)) return 'in_window';
  return undefined;
}

/**
 * What a change record states about itself: its approvals, change window, version and author, read
 * from its fields (and those of the payload a deployment carries, `payload.approvals`) or its text.
 */
export function changeFacts(summary: string, record: Record<string, unknown>): ChangeFacts {
  const payload = record.payload;
  const attrs =
    payload && typeof payload === 'object' && !Array.isArray(payload)
      ? { ...(payload as Record<string, unknown>), ...record }
      : record;
  const facts: ChangeFacts = {};
  const approvals = approvalsFrom(attrs.approvals) ?? summary.match(APPROVALS);
  if (approvals && !Array.isArray(approvals)) facts.approvals = approvals;
  else if (approvals) facts.approvals = { given: Number(approvals[1]), required: Number(approvals[2]) };
  const required = Number(attrs.required_approvals ?? attrs.requiredapprovals ?? Number.NaN);
  if (facts.approvals && Number.isFinite(required)) facts.approvals.required = required;
  const window = windowFrom(attrs.window ?? attrs.change_window) ?? windowFrom(summary.match(WINDOW)?.[1]);
  if (window) facts.window = window;
  const version = attrs.version ?? summary.match(VERSION)?.[1] ?? summary.match(VERSION)?.[2];
  if (version) facts.version = String(version);
  const author = attrs.author ?? summary.match(AUTHOR)?.[1];
  if (author) facts.author = String(author);
  return facts;
}
