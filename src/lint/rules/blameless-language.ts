import { nlp } from '../nlp.js';
import { proseLines } from '../prose.js';
import type { LintFinding, LintRule } from '../rule.js';
import { namesPerson, subjectBefore } from '../subject.js';

/** Words that blame whoever is their subject: "X failed to", "X should have". */
const AIMED: [RegExp, string][] = [
  [
    /\b(?:failed|forgot|forget|neglected|(?:didn't|did\s{1,3}not)\s{1,3}think)\s{1,3}to\b|\b(?:misjudged|overlooked|ignored)\b/gi,
    'blames a person; describe what the system allowed, not who',
  ],
  [
    /\b(?:didn't|did\s{1,3}not|never)\s{1,3}(?:(?:check|test|review|alert|inform|follow|ask|confirm|warn|mention)(?:ed)?|(?:communicate|validate|escalate)d?|notif(?:y|ied)|verif(?:y|ied)|tell|told|read)\b/gi,
    'blames a person for a step not taken; describe what made the step easy to skip',
  ],
  [
    /\bshould(?:n't| not)? have\b/gi,
    'is hindsight aimed at a person; state what was known at the time and what will change',
  ],
  [
    /\b(?:didn't|did\s{1,3}not|never)\s{1,3}bother(?:ed)?\s{1,3}to\b/gi,
    "judges a person's effort; describe what made the step easy to skip",
  ],
];

/**
 * A counterfactual about a person: "If Bob had been more careful, this would not have happened", "if
 * the reviewer had read the diff we could have …". Group 1 is its subject; "if the alert had fired
 * …" is about a system, and "to see if they had encountered this error" asks, with no "would" after;
 * the subject is a word or two after an optional "the" ("Bob Smith", "the on-call engineer").
 */
const IF_THEY_HAD =
  /\bif\s{1,3}((?:the\s{1,3})?[@\w'’-]{1,30}(?:\s{1,3}[A-Z][\w'’-]{1,20})?)\s{1,3}had\s{1,3}(?:been\s{1,3}(?:more|less)\s{1,3}[a-z]{2,20}|(?:not\s{1,3})?[a-z]{2,20}(?:ed|en|wn|ne|lt|pt|ght))\b[^.;!?]{0,120}?\b(?:would|could|might)(?:n't|\s{1,3}not)?\b/gi;

/** Words that judge people whatever the sentence's subject. */
const JUDGING: [RegExp, string][] = [
  // "Human error", "operator error" and the jargon for it ("PEBKAC": the problem sat in the chair).
  [
    /\b(?:human|operator) error\b|\bpeb[kc]a[kc]\b/gi,
    'ends the inquiry; describe the conditions that made the error possible',
  ],
  [
    /\bcareless(?:ly|ness)?\b|\bnegligen(?:t|ce)\b|\bsloppy\b|\blaziness\b|\bincompeten(?:t|ce)\b|\b(?:idiot(?:ic|s)?|stupid(?:ity)?|foolish(?:ly|ness)?|reckless(?:ly|ness)?|clueless)\b/gi,
    'judges a person; describe the gap in process or tooling',
  ],
  [
    // Hindsight that the outcome was plain to see ("anyone could have seen the missing index").
    /\b(?:anyone|anybody|everyone|everybody)\s{1,3}(?:could|would|should)(?:'ve|’ve|\s{1,3}have)\s{1,3}(?:seen|known|noticed|caught|spotted|predicted|foreseen|realized|realised|guessed)\b/gi,
    'is hindsight: it was not plain at the time; state what was known then',
  ],
  [
    // Blame laid on someone ("X is to blame", "she was blamed"), not the word said of software ("an
    // error that blamed their input") or disowned ("we don't blame anyone").
    /\b(?:his|her|their) (?:fault|mistake|error)\b|\bto blame\b|\b(?:was|were|is|are|be|been|being|got|get)\s{1,3}blamed\b|\bblame\s{1,3}(?:lies|lay|rests|rested|falls|fell)\b/gi,
    'assigns blame; describe contributing factors',
  ],
  [
    // The writer judging themselves, not telling what they did: "the fault lies with me", "my own
    // mistake", "I just got cocky", "I neglected to tweet", "I figured I could get away with …".
    /\b(?:fault|blame)\s{1,3}(?:lies|lay|rests|rested|is|was)\s{1,3}(?:(?:entirely|squarely|solely|all)\s{1,3})?with\s{1,3}me\b|\bmy\s{1,3}(?:own\s{1,3})?(?:fault|mistake)\b(?![\s-]{1,3}toleran)|\bI\s{1,3}(?:just\s{1,3})?(?:got|was|became|grew)\s{1,3}(?:too\s{1,3})?(?:cocky|complacent|lazy|overconfident|arrogant)\b|\bI\s{1,3}neglected\s{1,3}to\b|\bI\s{1,3}(?:figured|thought|assumed)\s{1,3}(?:that\s{1,3})?I\s{1,3}could\s{1,3}get\s{1,3}away\s{1,3}with\b/gi,
    'judges the writer; describe the conditions that made the step easy to skip',
  ],
];

/**
 * The writer faulting their own conduct: "I … did not read it", "a string I invented and never
 * compared", "I reasoned instead of measuring", "I built the workflow without applying any of it".
 * The writer ("I") is the subject of what was left undone, joined to their own verb in the past;
 * "we" speaks for a team and its process, "it didn't" after "I fixed" is another subject's, and "I
 * didn't update the card" alone tells what happened.
 */
const SELF_FAULT =
  /\bI\s{1,3}(?:[a-z]{2,20}ed|had|built|wrote|made|took|ran|went|saw|knew|thought|left|kept|put|set|sent|read|got|gave|found)\b[^.;:!?]{0,80}?(?:\band\s{1,3}(?:did\s{1,3}not|didn't|never)\b|\b(?:instead\s{1,3}of|without)\s{1,3}[a-z]{2,20}ing\b)/g;

/**
 * The writer laying a standing rule on their own conduct, after the incident it broke: "I should
 * always cross-browser test hot fixes", "I must never deploy …". "We should always …" is the team's
 * process, and "I must have clicked …" a guess.
 */
const SELF_RULE = /\bI\s{1,3}(?:should|must|ought\s{1,3}to)\s{1,3}(?:always|never)\s{1,3}[a-z]{2,20}\b/g;

/**
 * The writer's own hindsight: "I should have acted on it", "I'd seen the warning in the morning and
 * should've acted on it then". The writer ("I") is the subject of "should have" and a past
 * participle; "it shouldn't have mattered" and "I … and it should have been fine" are another
 * subject's.
 */
const SELF_HINDSIGHT =
  /\bI(?:'d|’d)?\s{1,3}(?:[^.;:!?]{0,80}?\band\s{1,3})?should(?:'ve|’ve|\s{1,3}have)\s{1,3}(?!been\b)[a-z]{2,20}(?:ed|en|wn|ne)\b/g;

/**
 * "should have known" is hindsight: "have" helps a past participle. "The user name should have a
 * '.'" and "what the controllers should have" say what a thing ought to hold, not what someone
 * ought to have done.
 */
function perfectAt(subject: string, modal: string, after: string): boolean {
  const next = after.trim().split(/\s+/).slice(0, 4).join(' ');
  if (!next) return false;
  const terms: { normal: string; tags: string[] }[] = nlp(`${subject} ${modal} ${next}`)
    .terms()
    .json()
    .map((t: { terms: { normal: string; tags: string[] }[] }) => t.terms[0]);
  const have = terms.findIndex((t) => t.normal === 'have');
  return have >= 0 && terms[have].tags.includes('Auxiliary');
}

/** Inside a quotation opened before `at` and not yet closed: an error message's words, not the author's. */
const quotedAt = (text: string, at: number) => {
  const before = text.slice(0, at);
  return (before.match(/"/g) ?? []).length % 2 === 1 || before.lastIndexOf('“') > before.lastIndexOf('”');
};

export const blamelessLanguage: LintRule = {
  id: 'blameless-language',
  description:
    'Narrative text describes systems and conditions, not people’s failings: "X failed to" or "X should have" with a person as X, "human error", "careless".',
  cost: { each: 4, max: 20 },
  check({ doc }) {
    const findings: LintFinding[] = [];
    const prose = proseLines(doc);
    for (const [i, { line, text }] of prose.entries()) {
      // A sentence wrapped in the source: the line before, when it runs on into this one, is read with it.
      const before =
        prose[i - 1]?.line === line - 1 && !/[.!?:]\s*$/.test(prose[i - 1].text) ? prose[i - 1].text : '';
      const joined = before ? `${before.trim()} ${text.trim()}` : text;
      const from = before ? before.trim().length + 1 : 0;
      for (const m of joined.matchAll(SELF_HINDSIGHT)) {
        const should = m.index + m[0].search(/should/);
        if (should >= from && !quotedAt(joined, m.index))
          findings.push({
            rule: 'blameless-language',
            line,
            message: `'${m[0]}' is hindsight aimed at the writer; state what was known at the time and what will change`,
          });
      }
      // Blame is about people: "the reviewer should have caught it", not "it should have been retried".
      for (const [pattern, why] of AIMED)
        for (const m of text.matchAll(pattern)) {
          if (quotedAt(text, m.index)) continue;
          const subject = subjectBefore(text, m.index);
          if (/have$/i.test(m[0]) && !perfectAt(subject, m[0], text.slice(m.index + m[0].length))) continue;
          if (namesPerson(subject))
            findings.push({ rule: 'blameless-language', line, message: `'${subject} ${m[0]}' ${why}` });
        }
      for (const m of text.matchAll(IF_THEY_HAD))
        if (!quotedAt(text, m.index) && namesPerson(m[1]))
          findings.push({
            rule: 'blameless-language',
            line,
            message: `'${m[0].split(/\s{1,3}had\s/i)[0]} had …' is hindsight aimed at a person; state what was known at the time and what will change`,
          });
      for (const m of text.matchAll(SELF_FAULT))
        if (!quotedAt(text, m.index))
          findings.push({
            rule: 'blameless-language',
            line,
            message: `'${m[0]}' faults the writer; describe what made the step easy to miss`,
          });
      for (const m of text.matchAll(SELF_RULE))
        if (!quotedAt(text, m.index))
          findings.push({
            rule: 'blameless-language',
            line,
            message: `'${m[0]}' holds the writer to a rule they broke; say what will make the step hard to skip`,
          });
      // One judgement per line: "I figured I could get away with … And I neglected to …" is one
      // problem of one passage, however many of its words judge.
      const judged = JUDGING.flatMap(([pattern, why]) =>
        [...text.matchAll(pattern)].map((m) => ({ at: m.index, message: `'${m[0]}' ${why}` })),
      ).sort((a, b) => a.at - b.at)[0];
      if (judged && !findings.some((f) => f.line === line && f.message === judged.message))
        findings.push({ rule: 'blameless-language', line, message: judged.message });
    }
    return findings;
  },
  examples: {
    ok: [
      '## Root cause\n\nThe deploy pipeline allowed a config with a pool size of 10.\n\nThe service failed to start.\n',
      // Another subject's "should have" after the writer's own step is no self-blame.
      "## Timeline\n\nI updated the cronjob too so it shouldn't have mattered.\n\nI deployed the chart and it should have been fine.\n",
      // Systems and the team's own process, not people: a trap for a phrase-only check.
      '## What went wrong\n\nDownstream actions should have been automatically corrected.\n\nThe request should have been retried, and the alert should have fired.\n',
      '## Timeline\n\n- 14:05 Anna rolled back the deploy\n',
      // A handle doing their job, and an address, are no blame.
      '## Timeline\n\n- 14:05 @anna rolled back the deploy\n\nMail to ops@example.com should have bounced.\n',
      // "should have" + a thing is what something ought to hold, not hindsight about a person.
      "## Root cause\n\nUsers with a '.' in their name broke: the user name should have a '.'.\n\nWe never agreed what responsibilities our ingress controllers should have.\n",
      // Another subject's shortfall after the writer's verb; "we" for the team's process.
      "## Root cause\n\nOne of the bugs I fixed was that it didn't always notice correctly.\n\nWe never agreed on an owner, and I restarted the hub without issues.\n\nI didn't update the card details. I believe the reflector misses events and never recovers.\n",
      // Blame said of software, or disowned, is laid on no one (letsrevel/revel-backend, MIT).
      "## What went wrong\n\nThe form showed an error that\nblamed their input.\n\nThis review is blameless; we don't blame anyone.\n",
      // What a system can get away with, and a design's fault tolerance, judge no one (samuelclay/NewsBlur, MIT).
      '## Root cause\n\nWe figured we could get away with a smaller instance, and my fault tolerance design held.\n',
      // "Lazy" of software (lazy loading) judges no one.
      '## Action items\n\n- Test lazy-loaded SDK extensions with every past version of the core SDK.\n',
      // The team's standing rule, and the writer's guess, are no self-blame.
      '## Lessons\n\nWe should always test hot fixes in every browser.\n\nI must have clicked the wrong link.\n',
      // The same words said of software are no blame.
      '## What went wrong\n\nThe scheduler misjudged free memory, and the job did not think to retry.\n',
      // An error the software reports is no judgement of a person.
      '## Root cause\n\nThe API returned a validation error to the operator, and the error page was blank.\n',
      // A check or a filter that overlooked or ignored something blames no one.
      '## Root cause\n\nThe health check overlooked the replica, and the load balancer ignored the drain flag.\n',
      // What a person did not receive or see, and a step a system did not take, blame no one.
      '## Timeline\n\n- 14:05 The on-call engineer did not receive the page.\n\n## Root cause\n\nThe monitor did not alert anyone, and the job never checked the quota.\n',
      // An error message quoted as users saw it is the software's words.
      '## Summary\n\nAfter the deploy, most users were getting "Failed to create a session" on launch.\n',
      // A counterfactual about a system, and asking whether people had seen something, blame no one.
      '## Root cause\n\nIf the alert had fired earlier, the team would have rolled back sooner.\n\n## Timeline\n\n- 17:25 @esk reached out to other admins to see if they had encountered this error.\n',
    ],
    notOk: [
      // The writer judging themselves in a personal post, one finding a line (samuelclay/NewsBlur, MIT).
      {
        markdown:
          "## What happened\n\nIt was downtime, even though the fault lies with me.\n\nBut I figured I could get away with leaving the servers for a day. And I neglected to tweet out that I'd be gone.\n\nI just got cocky after a year and a half of uninterrupted service.\n",
        lines: [3, 5, 7],
      },
      // A counterfactual about a person, effort judged, and the outcome called plain to see.
      {
        markdown:
          "## Root cause\n\nIf Bob had been more careful, this would not have happened.\n\nThe reviewer didn't bother to read the diff.\n\nObviously, anyone could have seen the missing index.\n",
        lines: [3, 5, 7],
      },
      // The writer's own hindsight, wrapped over two lines (psimaker/homelab, MIT).
      {
        markdown:
          "## What went well\n\n- The alert ladder behaved as designed. I'd seen the warning in the digest in the\n  morning and should've acted on it then, but the architecture worked.\n\nI should have checked the digest.\n",
        lines: [4, 6],
      },
      {
        markdown:
          '## Root cause\n\nBob failed to check the config.\n\nIt was human error; the reviewer should have caught it.\n',
        lines: [3, 5, 5],
      },
      // The jargon for a user's mistake, said of oneself (jenkins-infra/documentation, MIT).
      {
        markdown:
          '## Short term\n\n* Improve the status.jenkins.io update:\n  * Add a CI provess before Netlify to avoid Pebkac as the on I did (@dduportal)\n',
        lines: [4],
      },
      // The writer faulting their own conduct (chipi/podcast_scraper, MIT).
      {
        markdown:
          '## What went wrong\n\n**1. I had the answer written down and did not read it.**\n\nI built the workflow without applying any of it.\n\n**3. I reasoned instead of measuring.**\n',
        lines: [3, 5, 7],
      },
      // A failing of character named, the writer's own included (pypi/warehouse, Apache-2.0).
      {
        markdown:
          '## Root cause\n\nI modified my local files to include my own access\ntoken in an act of laziness, rather than configure a GitHub App.\n',
        lines: [4],
      },
      // The writer holding themselves to a rule they broke (guardian/frontend, Apache-2.0).
      {
        markdown:
          '## Lessons to be learned\n\nI should always cross-browser test hot fixes, however urgent they are.\n',
        lines: [3],
      },
      // Blame laid on someone, twice in one sentence: one problem.
      {
        markdown:
          '## Root cause\n\nThe reviewer was blamed for the outage, and the vendor is to blame too.\n',
        lines: [3],
      },
      // Judging oneself is judging a person too.
      {
        markdown: "## What went wrong\n\nWell, it's very simple. **I'm an idiot.** The card had expired.\n",
        lines: [3],
      },
      {
        markdown:
          "## Root cause\n\nThe reviewer should have read the docs.\n\nShe shouldn't have deployed on a Friday.\n",
        lines: [3, 5],
      },
      // Hindsight aimed at a handle (usdigitalresponse/univaf, MIT).
      {
        markdown: '## What went wrong\n\n- @Mr0grog should have posted in #questions-tools instead.\n',
        lines: [3],
      },
      // A lapse laid on a person: "forget to", "didn't think to", "misjudged".
      {
        markdown:
          "## What went wrong\n\nThe on-call engineer misjudged the risk of the change.\n\nWhy did the reviewer forget to check the flag?\n\nThe user didn't think to scroll down.\n",
        lines: [3, 5, 7],
      },
      // A lapse laid on a named person (usdigitalresponse/univaf, MIT).
      {
        markdown:
          '## What went wrong\n\nDespite careful planning, @astonm overlooked a critical piece of functionality.\n',
        lines: [3],
      },
      // A step a named person did not take (usdigitalresponse/univaf, MIT).
      {
        markdown:
          '## What went wrong\n\n- @jaronoff97 did not alert others that his work involved changes to the state.\n\nThe reviewer never checked the diff.\n',
        lines: [3, 5],
      },
      // After a quotation closes, the author's own words are read again.
      {
        markdown:
          '## Root cause\n\nThe page said "Retry later" and the on-call engineer failed to escalate.\n',
        lines: [3],
      },
    ],
  },
};
