import { nlp, type Term, termsOf } from './nlp.js';
import { startsWithActionVerb } from './verbs.js';

/**
 * What an action item commits to: an outcome ("Add a pool alert"), only a decision ("Consider …"), or
 * nothing said; an item committing to nothing may name the attitude it asks for ('be careful').
 */
export type Commitment =
  | { kind: 'outcome' | 'decision'; verb: string }
  | { kind: 'none'; verb: string | null };

/** Verbs of deliberation: doing them ends in a decision, not in a change. */
const DELIBERATE = new Set([
  'consider',
  'explore',
  'discuss',
  'reflect',
  'think',
  'agree',
  'look into',
  'ponder',
  'debate',
  'investigate',
  'assess',
  'analyze',
  'analyse',
  'research',
  'study',
  'learn',
  'understand',
  're-evaluate',
  'continue',
  'attempt',
  'try',
  'figure out',
]);
/** Modals that state a rule or an option ("should always be", "might be an option"), not a commitment. */
const HEDGE = new Set(['should', 'might', 'could', 'may', 'would']);
/** "Investigate whether …", "Check why …": a question to answer, not a change to make. */
const QUESTION = new Set(['whether', 'if', 'why', 'how']);
/**
 * Verbs whose work is a text: over a question ("Document how to recycle nodes", "Explain why the
 * pool filled") they commit to writing its answer down, an outcome.
 */
const RECORD = new Set(['document', 'describe', 'explain', 'write', 'record', 'outline', 'note', 'list']);
/** Verbs of inquiry: into a named fault ("Investigate the memory leak") they commit to a finding. */
const INQUIRY = new Set(['investigate', 'analyze', 'analyse']);
/** Nouns that name a fault or its cause: what an inquiry into them ends in is a finding. */
const FAULT =
  /^(?:causes?|issues?|bugs?|leaks?|errors?|failures?|problems?|crash(?:es)?|outages?|faults?|regressions?|incidents?)$/;
/** Question words whose answer is a fact to establish ("Investigate what the expected downtime is"). */
const FACT = new Set(['what', 'which', 'who', 'when', 'where']);

/**
 * An inquiry that ends in a finding: its object a named fault ("root cause of the messages", "timeout
 * issue, which may be due to …"), the head of the first noun phrase, or a question of fact.
 */
function findingSought(terms: TermWithPost[], from: number): boolean {
  if (FACT.has(terms[from]?.normal ?? '')) return true;
  // "Investigate why the trim hangs on the disk": a question of cause about something that happens
  // (a verb follows) is answered by the fault's cause, a finding.
  if (terms[from]?.normal === 'why') return terms.slice(from + 1, from + 6).some(isVerb);
  let head: TermWithPost | null = null;
  for (let i = from; i < from + 6 && i < terms.length; i++) {
    const t = terms[i];
    if (t.tags.includes('Determiner') || t.tags.includes('Adjective') || t.tags.includes('Possessive'))
      continue;
    if (!t.tags.includes('Noun') || t.tags.includes('Pronoun')) break;
    head = t;
    if (/[,;:]/.test(t.post ?? '')) break;
  }
  return head !== null && FAULT.test(head.normal);
}
/**
 * A leading ticket tag ("[OPS-12]", "OPS-12:", "#2226 -"), an item's own label of letters and a
 * number closed by a stop or a bracket ("A2. Add …", "B1) …"), or marks before the words.
 */
const LEAD =
  /^[^\p{L}[#]{0,8}(?:\[[A-Z][A-Z\d]{1,9}-\d{1,6}\]|[A-Z][A-Z\d]{1,9}-\d{1,6}\b|#\d{1,7}\b|[A-Z]{1,3}\d{1,3}[.)](?=\s))?[\s:–—-]{0,8}/u;
/** Fields in brackets before the words ("[due:: 2026-06-01] [owner:: Alexandre] Reduce …"). */
const LEADING_FIELDS = /^(?:\\?\[[\w-]{1,20}::?[^\]\n]{0,60}\]\s{0,3})+/;
/**
 * A remark in brackets before the words ("(Longer-term) Gradually mirror …", "(optional) Add …"):
 * when or whether, not what; the item's verb comes after it. "(Re)deploy" is one word.
 */
const LEADING_ASIDE = /^\(\s{0,2}[^()\n]{1,40}\)\s{1,3}(?=\S)/;
/** Words that hand the action to a verb later on: "We need to …", "DevEx will …", "we plan to …". */
const HANDING = new Set(['need', 'needs', 'plan', 'plans', 'have', 'has', 'want', 'wants', 'going']);

/** "A new process will be created …", "instances are planned for replacement …": work planned, said of what it changes. */
const PLANNED =
  /\b(?:(?:will|shall)\s{1,3}be\s{1,3}([a-z]{2,30}(?:ed|en|t))|planned\s{1,3}(?:for|to)\s{1,3}(?:be\s{1,3})?([a-z]{2,30}))\b/i;

/** A plan stated in the passive, however long its subject; a deliberation planned ("will be discussed") is a decision. */
function plannedChange(text: string): Commitment {
  const m = text.slice(0, 200).match(PLANNED);
  if (!m) return { kind: 'none', verb: null };
  const word = (m[1] ?? m[2]).toLowerCase();
  const verb = nlp(word).verbs().toInfinitive().text().toLowerCase() || word;
  return DELIBERATE.has(verb) || DELIBERATE.has(word.replace(/(?:ed|ion)$/, ''))
    ? { kind: 'decision', verb }
    : { kind: 'outcome', verb };
}

const NEED = new Set(['need', 'needs', 'requires', 'require']);
/** Verbs that, before an adjective, ask for a manner of working ("be more careful", "stay alert"). */
const MANNER = new Set(['be', 'stay', 'remain']);
/** The manner asked for: an attitude, a closed class ("Be compliant with SOC2" is a state to reach). */
const ATTITUDE = new Set(
  'careful cautious vigilant aware mindful alert attentive diligent thorough conscious wary proactive deliberate'.split(
    ' ',
  ),
);

const isVerb = (t: Term) =>
  t.tags.includes('Verb') && !t.tags.includes('Auxiliary') && !t.tags.includes('Copula');

/**
 * The item opens with a verb as an instruction does: not in the past tense ("Automated rollback
 * procedures" names a thing) and not the first half of a hyphenated noun ("Post-mortem review").
 */
const opensWithVerb = (terms: TermWithPost[]) => {
  const first = terms[0];
  if (!first || !isVerb(first) || first.tags.includes('PastTense')) return false;
  return !(/^-$/.test(first.post ?? '') && !first.tags.includes('Prefix'));
};

/** The term at `i` is a verb in its base form (an imperative), or a word action items use as one. */
const isVerbAt = (terms: Term[], i: number) =>
  terms[i] !== undefined &&
  ((isVerb(terms[i]) && terms[i].tags.some((t) => t === 'Infinitive' || t === 'Imperative')) ||
    startsWithActionVerb(terms[i].text));

/** A verb's base form; a gerund the tagger leaves as it is ("continuing") loses its ending. */
function baseForm(phrase: string): string {
  const verb = nlp(phrase).verbs().toInfinitive().text().toLowerCase() || phrase.toLowerCase();
  if (!/^[a-z]{3,}ing$/.test(verb)) return verb;
  const stem = verb.slice(0, -3);
  return [stem, `${stem}e`].find((v) => DELIBERATE.has(v)) ?? verb;
}

/**
 * The verb after a chain of helpers ("are going to strengthen", "will be able to add"): the first
 * word past the modal that is a verb in its own right, within a few words.
 */
function afterAuxiliaries(terms: Term[], hand: number): number {
  for (let i = hand + 1; i <= hand + 4 && i < terms.length; i++) {
    const t = terms[i];
    if (isVerb(t)) return i;
    const helper =
      t.tags.includes('Auxiliary') || t.tags.includes('Adverb') || HANDING.has(t.normal) || t.normal === 'to';
    if (!helper) return -1;
  }
  return -1;
}

/** Modals that lay a duty on their subject: said of a named thing, the outcome it must reach. */
const DUTY = new Set(['should', 'must']);
/** Adverbs that turn a duty into a standing rule ("should always be …"). */
const STANDING = new Set(['always', 'never', 'generally', 'usually']);
/** Subjects that are the writers or readers themselves: "we should …" is a wish, not a duty laid on a thing. */
const PERSONAL = new Set(['we', 'i', 'you', 'they', 'one', 'everyone', 'someone', 'people']);
/** Determiners that point at one thing the reader knows ("the prepuller", "our staging hub"). */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'our', 'its', 'their', 'each']);

/**
 * A subject that names one thing (not a class of things or a person): a definite determiner ("The
 * prepuller", "our staging hub") or a name ("`dev/…/gradle_*` tests", "API server"). "All
 * applications", "Unstable changes" name a class: a duty on them is a principle.
 */
function namesOneThing(subject: Term[]): boolean {
  if (!subject.length || subject.some((t) => PERSONAL.has(t.normal))) return false;
  if (DEFINITE.has(subject[0].normal) || subject[0].tags.includes('Possessive')) return true;
  // A bare singular noun with no determiner is a name written in lower case ("kubespawner should …").
  const [only] = subject;
  if (subject.length === 1 && only.tags.includes('Singular') && !only.tags.includes('Pronoun')) return true;
  return subject.some(
    (t) =>
      t.tags.includes('ProperNoun') ||
      t.tags.includes('Acronym') ||
      t.tags.includes('SlashedTerm') ||
      // An identifier as code writes it: "createCollective", "E2E", "S3".
      /\w[_./]\w|[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]/.test(t.text),
  );
}

/** The people a team names by their part in the work, as action items lay duties on them. */
const ROLES = new Set([
  'reviewer',
  'author',
  'engineer',
  'developer',
  'operator',
  'maintainer',
  'administrator',
  'admin',
  'responder',
  'on-call',
  'oncall',
  'sre',
  'lead',
  'owner',
  'approver',
  'releaser',
]);
const JOINS = new Set(['and', 'or', '&', 'the', 'all', 'our', 'every', 'each', 'both']);
const singular = (word: string) => word.replace(/s$/, '');

/**
 * A subject naming people by their part in the work ("Reviewers and authors", "The on-call
 * engineer"): a duty laid on them ("… should verify the changes in a review environment") is a
 * practice they commit to, read by its verb; "we should …" stays the writers' wish.
 */
function namesRoles(subject: Term[]): boolean {
  // The tagger marks some roles as actors ("engineer", "manager"), not all ("reviewers").
  const role = (t: Term) => ROLES.has(singular(t.normal)) || t.tags.includes('Actor');
  const joins = (t: Term) =>
    JOINS.has(t.normal) || t.tags.includes('Hyphenated') || t.tags.includes('Adjective');
  return subject.some(role) && subject.every((t) => role(t) || joins(t));
}

/** Adverbs of likelihood or wish, a closed class like the hedging modals: "Maybe add …" is not decided. */
const TENTATIVE = new Set([
  'maybe',
  'perhaps',
  'possibly',
  'potentially',
  'ideally',
  'hopefully',
  'alternatively',
  'optionally',
  'eventually',
]);

interface TermWithPost extends Term {
  post?: string;
}

/**
 * Where the instruction starts, past what leads into it: adverbs ("Remotely monitor …"), a negation
 * ("Don't duplicate …", "Never deploy …"), or a clause set off by a comma ("Before retrying, ensure …").
 */
function instructionStart(terms: TermWithPost[]): number {
  // A condition ("If possible, …") or a hedge ("Maybe add …") leaves the work undecided: no lead to pass.
  if (terms[0]?.tags.includes('Condition') || TENTATIVE.has(terms[0]?.normal ?? '')) return 0;
  // "Before retrying, ensure …": a leading preposition or conjunction whose clause ends at a comma.
  if (terms[0]?.tags.some((t) => t === 'Preposition' || t === 'Conjunction')) {
    const comma = terms.slice(0, 8).findIndex((t) => /,/.test(t.post ?? ''));
    if (comma >= 1) return comma + 1;
  }
  let i = 0;
  while (i < 3 && terms[i]?.tags.includes('Adverb') && !TENTATIVE.has(terms[i].normal)) i++;
  if (terms[i]?.normal === 'never') i++;
  else if (terms[i]?.tags.includes('Auxiliary') && /^do/.test(terms[i].normal)) {
    if (terms[i + 1]?.tags.includes('Negative')) i += 2;
    else if (terms[i].tags.includes('Negative') || /n't$/.test(terms[i].text)) i++;
  }
  return i;
}

/**
 * Where the main clause starts after a condition that is a clause of its own ("If a pod doesn't
 * start in time, kubespawner should kill it"): the behaviour wanted in that case is the outcome.
 * A condition with no verb ("If possible, …") leaves the work undecided: 0.
 */
function afterCondition(terms: TermWithPost[]): number {
  // "To ensure higher redundancy during the next maintenance window, we plan to install …", "In
  // order to reduce noise, we will tune …": a purpose set before the work, up to its comma.
  const [first, second, third] = terms.map((t) => t.normal);
  if (first === 'to' || (first === 'in' && second === 'order' && third === 'to')) {
    const comma = terms.slice(0, PURPOSE_TERMS).findIndex((t) => /,/.test(t.post ?? ''));
    return comma >= 2 && terms.slice(1, comma + 1).some(isVerb) ? comma + 1 : 0;
  }
  if (!terms[0]?.tags.includes('Condition')) return 0;
  const comma = terms.slice(0, 12).findIndex((t) => /,/.test(t.post ?? ''));
  if (comma < 2 || !terms.slice(1, comma + 1).some(isVerb)) return 0;
  return terms[comma + 1]?.normal === 'then' ? comma + 2 : comma + 1;
}

/** Words a purpose set before an item's work may run to ("To ensure …, we …"). */
const PURPOSE_TERMS = 20;

/** The tagger itself reads the term as a verb in its base form (not a word action items use as one). */
const baseVerbTagged = (t: Term | undefined) =>
  !!t && isVerb(t) && t.tags.some((tag) => tag === 'Infinitive' || tag === 'Imperative');

/** A lone word that may be a verb misread as a noun: singular, no determiner, no name, no gerund. */
const bareWord = (t: Term) =>
  (isVerb(t) || t.tags.includes('Singular')) &&
  !t.tags.some(
    (tag) => tag === 'ProperNoun' || tag === 'Gerund' || tag === 'Determiner' || tag === 'Acronym',
  );

/** Words that open a noun phrase: what follows a verb, never a noun's own next word. */
const OPENS_OBJECT = new Set(['the', 'a', 'an', 'our', 'their', 'its', 'all', 'every', 'each', 'any']);

/** A first word that may be an imperative the tagger took for a noun: plain letters, not hyphenated or set off. */
const mayBeVerb = (t: TermWithPost | undefined): t is TermWithPost =>
  !!t && bareWord(t) && !/[,:;-]/.test(t.post ?? '') && /^\p{Lu}?\p{Ll}+$/u.test(t.text);

/**
 * "Plug the leak", "Canary the deploy", "Vendor the dependency": a lone word the tagger reads as a
 * noun, followed at once by an article or a possessive, acts on what follows: an imperative.
 */
const actsOnWhatFollows = (terms: TermWithPost[]) =>
  mayBeVerb(terms[0]) && !!terms[1] && OPENS_OBJECT.has(terms[1].normal);

/**
 * "Plug file descriptor leak in search": a lone first word the tagger reads as a noun, that it reads
 * as an imperative once asked of someone ("Please plug …"), is the verb; a noun phrase ("Memory
 * leak in worker", "Query plans") stays one.
 */
function askedOf(terms: TermWithPost[], opening: string): boolean {
  if (!mayBeVerb(terms[0])) return false;
  const asked = termsOf(`Please ${opening.charAt(0).toLowerCase()}${opening.slice(1, 200)}`)[1];
  return !!asked && isVerb(asked) && asked.tags.includes('Imperative');
}

/**
 * "Scope, plan, and implement …": a run of single words set off by commas, joined by "and" or "or"
 * to a verb, is a run of imperatives; the index of the last one, else -1.
 */
function coordinatedVerb(terms: TermWithPost[]): number {
  // "Downgrade or suppress the paths": a first word the tagger reads as a noun, joined by "or" or
  // "and" to a verb in its base form, is the first of two imperatives.
  const joined = terms[1]?.normal === 'and' || terms[1]?.normal === 'or';
  if (joined && terms[0] && !/,/.test(terms[0].post ?? '') && baseVerbTagged(terms[2]) && bareWord(terms[0]))
    return 2;
  if (!/,/.test(terms[0]?.post ?? '')) return -1;
  for (let i = 1; i < 6 && i < terms.length - 1; i++) {
    const t = terms[i];
    if (t.normal === 'and' || t.normal === 'or') return isVerb(terms[i + 1]) ? i + 1 : -1;
    if (!/,/.test(t.post ?? '') && !(terms[i + 1]?.normal === 'and' || terms[i + 1]?.normal === 'or'))
      return -1;
  }
  return -1;
}

/**
 * Reads what an action item commits to, by its grammar: its first word a verb, or a subject
 * handing over to one ("We need to refactor …", "DevEx will update …").
 * @example commitmentOf('Investigate whether the pool is too small').kind // 'decision'
 */
export function commitmentOf(item: string): Commitment {
  const text = item.replace(LEADING_FIELDS, '').replace(LEADING_ASIDE, '').replace(LEAD, '').slice(0, 300);
  const read = readCommitment(text);
  // "We need to harden …", "We need a SOC": the writers stating a need commit to no outcome (the
  // reviewers' settled reading), whatever it names; "The alert needs a more descriptive name" does.
  return read.kind === 'outcome' && WE_NEED.test(text) ? { kind: 'none', verb: null } : read;
}

/** The writers stating a need: "We need to …", "we need a …". */
const WE_NEED = /^\W{0,4}we\s{1,3}(?:really\s{1,3}|also\s{1,3}|still\s{1,3})?need\b/i;

/** What an item commits to, read from its words with its fields, aside and lead-in already set apart. */
/** "If possible, all reports should be sent to …": whether it can be done at all is left open. */
const IF_FEASIBLE = /^\W{0,3}if\s{1,3}(?:at\s{1,3}all\s{1,3})?(?:possible|feasible|practical|practicable)\b/i;

/** "Read RFC 2328 to understand actual protocol …": reading to learn ends in knowing, not in a change. */
const READ_TO_LEARN = /^\W{0,3}read\b[^.;]{0,80}?\bto\s{1,3}(?:better\s{1,3})?(?:understand|learn)\b/i;

/** "The second change is to use …": the step named, then the work it is, read from "to". */
const NAMED_STEP =
  /^\W{0,3}(?:[a-z]{3,12},\s{1,3})?the\s{1,3}(?:first|second|third|fourth|next|last|final|other|main)\s{1,3}(?:change|step|fix|improvement|measure)\s{1,3}(?:is|will\s{1,3}be)\s{1,3}to\s{1,3}/i;
/** "Lastly, a change needs to be made as to which users …": a change promised, none named. */
const SOME_CHANGE =
  /^\W{0,3}(?:[a-z]{3,12},\s{1,3})?(?:a|another|one|some)\s{1,3}(?:change|fix|improvement)s?\s{1,3}(?:needs|has|have|need|will\s{1,3}need)\s{1,3}to\s{1,3}be\s{1,3}made\b/i;

/** A change the plan names in prose, by its place or as one to be made: an item, whatever it commits to. */
export const namesPlannedChange = (text: string) => NAMED_STEP.test(text) || SOME_CHANGE.test(text);

function readCommitment(whole: string): Commitment {
  if (SOME_CHANGE.test(whole)) return { kind: 'none', verb: null };
  const text = whole.replace(NAMED_STEP, '');
  if (IF_FEASIBLE.test(text)) return { kind: 'none', verb: null };
  if (READ_TO_LEARN.test(text)) return { kind: 'decision', verb: 'read' };
  const all: TermWithPost[] = termsOf<TermWithPost>(text);
  if (asksCause(text, all)) return { kind: 'outcome', verb: all[0].normal };
  const main = afterCondition(all);
  const start = main || instructionStart(all);
  const terms = main > 0 || (start > 0 && isVerbAt(all, start)) ? all.slice(start) : all;
  const opening = terms === all ? text : terms.map((t) => t.text).join(' ');
  // The tagger reads a list item's imperative as a noun ("Setup alerts", "Remove the variable"):
  // a first word that action items use as their verb is one.
  let at = opensWithVerb(terms) || startsWithActionVerb(opening) ? 0 : -1;
  if (at < 0) at = coordinatedVerb(terms);
  if (at < 0 && (actsOnWhatFollows(terms) || askedOf(terms, opening))) at = 0;
  if (at < 0) {
    // A subject of up to three words, then a modal or "need to", then the verb.
    const found = terms
      .slice(0, 10)
      .findIndex(
        (t, i) =>
          t.tags.includes('Modal') ||
          t.tags.includes('Auxiliary') ||
          (HANDING.has(t.normal) && terms[i + 1]?.normal === 'to'),
      );
    // "The prepuller should be fixed so that …", "The cookie_id column in the users table should
    // have …": a duty laid on one named thing, however long its name, is the outcome it must reach.
    const duty =
      found >= 1 &&
      DUTY.has(terms[found].normal) &&
      !STANDING.has(terms[found + 1]?.normal ?? '') &&
      (namesOneThing(terms.slice(0, found)) || namesRoles(terms.slice(0, found)));
    // A longer subject hands over too when it is a noun phrase ("Our forthcoming network upgrade
    // (Optimism: Bedrock) will use …"): no verb comes before the modal.
    const nounSubject = found >= 1 && !terms.slice(0, found).some((t) => t.tags.includes('Verb'));
    // "The tests should be run against staging": the work is named, its doer left out.
    // "… should not systematically be considered as errors": a negation and an adverb may stand before "be".
    let be = found + 1;
    if (terms[be]?.normal === 'not') be++;
    if (terms[be]?.tags.includes('Adverb') && !STANDING.has(terms[be].normal)) be++;
    const passive = found >= 1 && DUTY.has(terms[found].normal) && terms[be]?.normal === 'be';
    const done = passive ? terms[be + 1] : undefined;
    if (
      done &&
      (done.tags.includes('PastTense') || done.tags.includes('Participle') || startsWithActionVerb(done.text))
    )
      return { kind: 'outcome', verb: baseForm(done.text) };
    // "We should set up monitoring", "Should nominate one driver": a duty the writers lay on
    // themselves, read by its verb; "We should have …" only wishes for a thing.
    const writers =
      (found === 0 || (found === 1 && terms[0].normal === 'we')) && DUTY.has(terms[found]?.normal ?? '');
    if (writers && !STANDING.has(terms[found + 1]?.normal ?? '')) {
      const v = afterAuxiliaries(terms, found);
      const helpers = terms.slice(found + 1, v);
      if (v >= 0 && ![...helpers, terms[v]].some((t) => /^(?:have|be|has|is|are)$/.test(t.normal))) at = v;
    }
    const hand = found < 5 || duty || nounSubject ? found : -1;
    if (at < 0 && hand >= 1 && HEDGE.has(terms[hand].normal) && !duty) return { kind: 'none', verb: null };
    // After "need to", "plan to", the word is a verb by grammar, whatever the tagger says of it.
    if (at >= 0) {
      // the writers' own duty, read by its verb
    } else if (hand >= 1 && terms[hand + 1]?.normal === 'to' && terms[hand + 2]) at = hand + 2;
    else if (hand >= 1) at = afterAuxiliaries(terms, hand);
    // "The alert needs a more descriptive name": what is needed is named, an outcome to reach.
    const needs = terms.slice(1, 6).findIndex((t) => NEED.has(t.normal)) + 1;
    if (at < 0 && needs >= 1 && terms[needs + 1] && terms[needs + 1].normal !== 'to')
      return { kind: 'outcome', verb: terms[needs].normal };
  }
  if (at < 0) return plannedChange(text);
  // "Re-evaluate" is read as the prefix "Re" and "evaluate": the verb is the two joined.
  // The tagger reads "Re" in "Re-run" as a noun: the prefix is the prefix whatever its tag.
  const prefixed =
    (terms[at].tags.includes('Prefix') || /^re$/i.test(terms[at].text)) &&
    /-$/.test(terms[at].post ?? '') &&
    terms[at + 1];
  const phrase = prefixed
    ? `${terms[at].text}-${terms[at + 1].text}`
    : terms[at + 1]?.tags.includes('Particle')
      ? `${terms[at].text} ${terms[at + 1].text}`
      : terms[at].text;
  const verb = prefixed ? phrase.toLowerCase() : baseForm(phrase);
  const after = at + (phrase.includes(' ') || prefixed ? 2 : 1);
  const next = terms[after]?.normal ?? '';
  // "Investigate and fix the leak": a deliberation joined to a change commits to the change.
  if (DELIBERATE.has(verb) && terms[after]?.normal === 'and' && isVerbAt(terms, after + 1)) {
    const joined = baseForm(terms[after + 1].text);
    if (!DELIBERATE.has(joined)) return { kind: 'outcome', verb: joined };
  }
  if (INQUIRY.has(verb) && findingSought(terms, after)) return { kind: 'outcome', verb };
  // "Be more careful", "Be vigilant about …", "Stay alert": an attitude to keep, no change anyone could
  // finish ("Be able to fail over in 5 minutes", "Be compliant with SOC2" are states to reach).
  const attitude = terms.slice(after, after + 2).find((t) => ATTITUDE.has(t.normal));
  if (MANNER.has(verb) && attitude) return { kind: 'none', verb: `${verb} ${attitude.normal}` };
  // "Review and potentially migrate DNS management": a change joined under a hedge ("potentially",
  // "maybe") is left to the first verb's outcome, still undecided.
  if (
    (terms[after]?.normal === 'and' || terms[after]?.normal === 'or') &&
    TENTATIVE.has(terms[after + 1]?.normal ?? '')
  )
    return { kind: 'decision', verb };
  // "Document and think about overcommit ratios": a change joined to a deliberation over the same
  // object leaves what to change to the deliberation.
  if (!DELIBERATE.has(verb) && terms[after]?.normal === 'and' && terms[after + 1]) {
    const second = terms[after + 2]?.tags.includes('Particle')
      ? `${terms[after + 1].text} ${terms[after + 2].text}`
      : terms[after + 1].text;
    const joined = baseForm(second);
    if (DELIBERATE.has(joined) || DELIBERATE.has(joined.split(' ')[0]))
      return { kind: 'decision', verb: joined };
  }
  const undecided =
    DELIBERATE.has(verb) ||
    DELIBERATE.has(doneAgain(verb)) ||
    putAsQuestion(text) ||
    seeksMeans(verb, terms, after) ||
    CLOSING_CONDITION.test(text) ||
    (QUESTION.has(next) && !(RECORD.has(verb) && next !== 'whether' && next !== 'if')) ||
    asksWhether(verb, terms, after) ||
    confers(verb, terms, after) ||
    weighsAlternatives(verb, terms, after) ||
    appraisesMeans(verb, terms, after) ||
    choosesBetween(verb, terms, after) ||
    deliberationNamed(terms, after);
  return undecided ? { kind: 'decision', verb } : { kind: 'outcome', verb };
}

/**
 * A verb done again is that verb: "Re-assess", "reconsider", "rethink" deliberate as "assess",
 * "consider", "think" do. A base of fewer than five letters is left alone ("retry" is not "try").
 */
function doneAgain(verb: string): string {
  const base = verb.replace(/^re-?/, '');
  return base !== verb && base.length >= 5 ? base : verb;
}

/**
 * "Cull nodes older than five days?" (a link or a note in brackets after it): an item put as a
 * question leaves it open. Its first sentence is read; a question quoted inside it ("what next?") is not.
 */
function putAsQuestion(text: string): boolean {
  const plain = text.replace(/!?\[([^\]]{0,300})\]\([^)]{0,500}\)/g, '$1');
  const first = plain.split(/(?<=[.!?])\s+(?=[A-Z*_])/)[0] ?? plain;
  return /\?[*_]{0,2}\s*(?:\([^()]{0,300}\)\s*){0,3}$/.test(first);
}

/**
 * "why did the CF POST silently drop env_vars?", "what froze machine 2?": an item put as a question
 * of what caused a fault asks for the cause, a finding, as "Investigate why …" does; a question of
 * what to do ("cull nodes older than five days?") stays open.
 */
function asksCause(text: string, terms: Term[]): boolean {
  if (!putAsQuestion(text)) return false;
  const [first, second] = terms;
  if (first?.normal === 'why') return true;
  return first?.normal === 'what' && !!second?.tags.includes('PastTense');
}

/** "Find a way to …", "Find a path forward …": the work is a search for the means, not the change. */
const MEANS = /^(?:ways?|path|paths|solutions?|approach(?:es)?|options?|means|alternatives?)$/;
const SEEK = new Set(['find', 'seek']);
const seeksMeans = (verb: string, terms: Term[], from: number) => {
  if (!SEEK.has(verb)) return false;
  const object = terms.slice(from, from + 3).find((t) => t.tags.includes('Noun'));
  return object !== undefined && MEANS.test(object.normal);
};

/** "Disable text-to-speech globally (if possible)": whether it can be done is still to be decided. */
const CLOSING_CONDITION = /\(\s{0,2}(?:if|where|when|unless)\s[^()]{0,60}\)\W{0,3}$/i;

/** Verbs of appraisal: over actions set side by side they ask which to take. */
const APPRAISE = new Set(['evaluate', 'assess', 'review', 'compare', 'weigh']);

/**
 * "Evaluate raising the CPU limits or splitting the work": an appraisal whose object is actions
 * joined by "or" asks which to take, as "whether" does.
 */
function weighsAlternatives(verb: string, terms: Term[], from: number): boolean {
  if (!APPRAISE.has(verb) || !terms[from]?.tags.includes('Gerund')) return false;
  const or = terms.slice(from + 1, from + 12).findIndex((t) => t.normal === 'or');
  return or >= 0 && !!terms[from + 2 + or]?.tags.includes('Gerund');
}

/** Nouns of a means one might adopt: a pattern, an approach, a tool. */
const ADOPTABLE =
  /^(?:patterns?|approach(?:es)?|options?|alternatives?|solutions?|tools?|librar(?:y|ies)|frameworks?)$/;

/**
 * "Evaluate circuit breaker pattern for queue listener": an appraisal of a means to adopt asks
 * whether to adopt it, a decision; "Evaluate current state of … and ensure durability" does not.
 * The head of the object is the last noun of the words right after the verb.
 */
function appraisesMeans(verb: string, terms: Term[], from: number): boolean {
  if (!APPRAISE.has(verb)) return false;
  let at = from;
  while (at < from + 5 && terms[at] && !terms[at].tags.includes('Noun')) at++;
  while (terms[at + 1]?.tags.includes('Noun') && at < from + 6) at++;
  if (!ADOPTABLE.test(terms[at]?.normal ?? '')) return false;
  // "Review the alert patterns … and remove the noisy ones": a change joined after it is the outcome.
  const and = terms.findIndex((t, i) => i > at && t.normal === 'and' && isVerbAt(terms, i + 1));
  return and < 0;
}

/** Verbs of choosing: over options set side by side the choice is still to make. */
const CHOOSE = new Set(['decide', 'choose', 'pick', 'select']);

/**
 * "Decide on always-allocating an upgrade vs. tightening retention", "Choose between Redis and
 * Memcached": a choice over options set against each other ("vs.", "versus", "between") is a
 * decision still to make; "Pick the larger disk" names the outcome.
 */
function choosesBetween(verb: string, terms: Term[], from: number): boolean {
  if (!CHOOSE.has(verb)) return false;
  if (terms[from]?.normal === 'between') return true;
  return terms.slice(from, from + 14).some((t) => /^(?:vs|versus)\.?$/.test(t.normal));
}

/** Verbs of asking: "if" after their object opens the question asked ("Ask support if we should …"). */
const ASKING = new Set(['ask', 'inquire', 'enquire']);

/** "Ask support whether …", "Schedule a discussion about whether …": the work answers a question. */
const asksWhether = (verb: string, terms: Term[], from: number) =>
  terms.slice(from, from + 6).some((t) => t.normal === 'whether' || (ASKING.has(verb) && t.normal === 'if'));

/** Verbs of conferring with people ("Meet with the platform team to …"): what comes of it is theirs to decide. */
const CONFER = new Set(['meet', 'talk', 'speak', 'confer', 'sync']);
const confers = (verb: string, terms: Term[], from: number) =>
  CONFER.has(verb) && (terms[from]?.normal === 'with' || terms[from]?.normal === 'to');

/**
 * "Schedule a discussion", "Hold a debate": a verb whose object is a deliberation named as a noun
 * (the noun of a verb of deliberation) commits to that deliberation.
 */
function deliberationNamed(terms: Term[], from: number): boolean {
  const at = terms.slice(from, from + 3).findIndex((t) => t.tags.includes('Noun'));
  const object = terms[from + at];
  // Only the head of the object: "a discussion forum link" is a link.
  if (at < 0 || terms[from + at + 1]?.tags.includes('Noun')) return false;
  const stem = object.normal.replace(/(?:ations?|ions?|ments?|s)$/, '');
  return [stem, `${stem}e`].some((v) => v.length >= 4 && DELIBERATE.has(v));
}
