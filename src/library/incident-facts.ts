import { statedDurations } from '../lint/index.js';

const SEVERITY =
  /\b(?:severity|sev|priority)\b\**\s*[:|=-]?\s*\**\s*\[?(sev ?[0-5]|p[0-5]|critical|high|medium|moderate|low|major|minor)\b/i;
const SEV_TOKEN = /\b(SEV ?[0-5]|P[0-4])\b/;
const SERVICE_TOKEN =
  /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:service|api|gateway|server|worker|db|svc|proxy|frontend|backend)\b/gi;
const USERS =
  /(\d[\d,.]*)\s*(k|thousand|million|m)?\s+(?:\w+\s+){0,2}(users|customers|accounts|merchants|clients)\b/i;
const USERS_PERCENT =
  /(\d+(?:\.\d+)?)\s*%\s+(?:of\s+)?(?:our\s+|the\s+|all\s+)?(?:\w+\s+){0,3}(users|customers|user base|accounts|requests|traffic)/i;
const ERROR_RATE =
  /(?:error rate|5xx rate|errors?)\D{0,25}?(\d+(?:\.\d+)?)\s*%|(\d+(?:\.\d+)?)\s*%\s+of\s+(?:\w+\s+){0,4}requests\s+(?:\w+\s+){0,3}failed/i;

/** A severity as the document writes it (`SEV2`, `P1`, `high`), normalised to upper case for SEV/P. */
export function severityIn(text: string): string | null {
  const m = text.match(SEVERITY) ?? text.match(SEV_TOKEN);
  if (!m) return null;
  const value = m[1].replace(/\s+/g, '');
  return /^(sev|p)\d$/i.test(value) ? value.toUpperCase() : value.toLowerCase();
}

/** "Service: checkout, payments" or the dfds "Category: Kubernetes" line. */
const SERVICE_FIELD =
  /^\s*(?:[-*]\s*)?\**(?:category|services?|systems?|components?|affected services?)\**\s*:\**\s*([^\n]+)$/gim;

/** Service names: stated in a field, or written as `cart-service`, `api-gateway` (lower-cased, unique, in order). */
export function servicesIn(text: string): string[] {
  const stated = [...text.matchAll(SERVICE_FIELD)]
    .flatMap((m) => m[1].split(/,|\band\b/))
    .map((s) => s.replace(/[*_`[\]]/g, '').trim());
  const written = [...text.matchAll(SERVICE_TOKEN)].map((m) => m[0]);
  return [
    ...new Set(
      [...stated, ...written]
        .map((s) => s.toLowerCase())
        .filter((s) => s && s.length <= 40 && !/^(x+|yyy|zzz|n\/a|none)$/i.test(s)),
    ),
  ];
}

const scale = (unit: string | undefined) => (!unit ? 1 : /^(k|thousand)$/i.test(unit) ? 1e3 : 1e6);

/** The impact figures a text states; each null when not stated. */
export function impactIn(text: string) {
  const users = text.match(USERS);
  const percent = text.match(USERS_PERCENT);
  const errors = text.match(ERROR_RATE);
  const usersAffected = users ? Number(users[1].replace(/,/g, '')) * scale(users[2]) : null;
  return {
    durationSeconds: statedDurations(text)[0]?.seconds ?? null,
    usersAffected: usersAffected != null && Number.isFinite(usersAffected) ? usersAffected : null,
    usersAffectedPercent:
      percent && /users|customers|user base|accounts/i.test(percent[2]) ? Number(percent[1]) : null,
    errorRatePercent: errors ? Number(errors[1] ?? errors[2]) : null,
  };
}

const STAT = (name: string) => new RegExp(`time to ${name}\\w*\\s*[:=-]\\s*(.+)`, 'i');

/** "Time to detection: 8 minutes" and the like, as the dfds reports state them. */
export function statedResponseTimes(text: string): { detect: number | null; mitigate: number | null } {
  const read = (re: RegExp) => {
    const m = text.match(re);
    return m ? (statedDurations(`lasted ${m[1]}`)[0]?.seconds ?? null) : null;
  };
  return { detect: read(STAT('detect')), mitigate: read(STAT('(?:recover|mitigat|resol)')) };
}
