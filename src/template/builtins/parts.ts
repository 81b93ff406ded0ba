// The parts every built-in is made of; a custom template may include them by name too
// (`{% include 'timeline' %}`), and nothing else: the engine has no file system.

/** Cited statements `{ text, refs, confidence, draft }` as a list; `items` is passed by the includer. */
const statements = `{% for s in items %}- {{ s.text | cite }}{% if s.refs.size > 0 %} ({{ s.refs | ref_links }}){% endif %}{% if s.draft %} _(draft: check before publishing)_{% endif %}
{% endfor %}`;

/** The merged timeline as a table; each row carries the anchor its ref links land on. */
const timeline = `{% if report.timeline.size > 0 %}All times {{ report.zone | md }}.

| Time | Kind | Service | Ref | Event |
| --- | --- | --- | --- | --- |
{% for e in report.timeline %}| {{ e.ref | ref_anchor }}{{ e.ts | time }} | {{ e.kind | md_cell }} | {{ e.service | default: "—" | md_cell }} | {{ e.ref | md_cell }} | {{ e.summary | cut: 160 | md_cell }} |
{% endfor %}{% else %}The timeline is not part of this version of the report.
{% endif %}`;

/** The follow-ups as the SRE workbook lists action items: type, owner, priority, evidence. */
const actionItems = `{% if report.followUps.size > 0 %}| ID | Action | Type | Owner | Priority | Evidence |
| --- | --- | --- | --- | --- | --- |
{% for f in report.followUps %}| {{ f.id | md_cell }} | {{ f.action | cite }} | {{ f.type | default: "process" | md_cell }} | {{ f.ownerRole | md_cell }} | {{ f.priority | md_cell }} | {{ f.evidenceRefs | ref_links | default: "—" }} |
{% endfor %}{% else %}No follow-up was drawn from the evidence; add the team's own.
{% endif %}`;

/** Claims with their evidence and confidence (seed 003's table). */
const claims = `{% if report.claims.size > 0 %}| ID | Statement | Evidence | Confidence |
| --- | --- | --- | --- |
{% for c in report.claims %}| {{ c.id | md_cell }} | {{ c.statement | cut: 300 | cite }} | {{ c.evidenceRefs | ref_links }} | {{ c.confidence | confidence }} |
{% endfor %}{% else %}No claim is made in this version of the report.
{% endif %}`;

/** The impact figures, each "not measured" where the evidence holds none. */
const impactFields = `- **Duration:** {{ report.durations.impact | duration }} ({{ report.moments.impactStart | time }} to {{ report.moments.recovered | time }})
- **Peak error rate:** {{ report.impact.errorRatePeak | percent }} (baseline {{ report.impact.errorRateBaseline | percent }})
- **Peak latency:** {% if report.impact.latencyPeakMs != nil %}{{ report.impact.latencyPeakMs | round }} ms{% else %}not measured{% endif %}
- **Failed requests:** {% if report.impact.failedRequests != nil %}{{ report.impact.failedRequests | round }}{% else %}not measured{% endif %}
- **Users affected:** {% if report.impact.usersAffected != nil %}{{ report.impact.usersAffected }}{% else %}unknown{% endif %}
`;

/** What the evidence could not establish, as questions for the author. */
const openQuestions = `{% if report.gaps.size > 0 %}{% for g in report.gaps %}- {{ g | cite }}
{% endfor %}{% else %}The analysis left no question open; add any the review raises.
{% endif %}`;

/** Sign-off rows for people to fill in: the report's own list when it has one, else the usual roles. */
const signOff = `| Role | Name | Date |
| --- | --- | --- |
{% if report.signOff.size > 0 %}{% for s in report.signOff %}| {{ s.role | md_cell }} | {{ s.name | default: "" | md_cell }} | {{ s.date | default: "" | md_cell }} |
{% endfor %}{% else %}| Incident commander | | |
| Service owner | | |
| Engineering manager | | |
{% endif %}`;

/** The trigger: the suspected change with its reasons, or plainly that none convinces. */
const trigger = `{% if report.moments.trigger %}{% assign s = report.suspects | first %}{% if s %}{{ s.summary | cut: 200 | md }} ({{ s.ref | ref_link }}), confidence {{ s.confidence | confidence }}.
{% for r in s.reasons %}
- {{ r | cite }}{% endfor %}{% for r in s.against %}
- Against: {{ r | cite }}{% endfor %}
{% else %}A change at {{ report.moments.trigger | time }} ({{ report.moments.trigger.ref | ref_link }}).
{% endif %}{% else %}No change in the evidence convincingly explains the incident.
{% endif %}`;

/** The mechanism the evidence shows (how it failed), distinct from the trigger; else what the evidence says caused it. */
const rootCause = `{% assign found = false %}{% for f in report.findings %}{% if f.kind == "mechanism" %}{% assign found = true %}- {{ f.statement | cite }}
{% endif %}{% endfor %}{% unless found %}{% if report.narrative.cause.size > 0 %}{% include 'statements', items: report.narrative.cause %}{% elsif report.suspects.size > 0 %}{% assign s = report.suspects | first %}- The most likely cause is {{ s.summary | cut: 200 | md }} ({{ s.ref | ref_link }}), confidence {{ s.confidence | confidence }}; the evidence does not show how it failed.
{% else %}- The evidence does not show the cause; the review should establish it.
{% endif %}{% endunless %}`;

/** A narrative part (`report.narrative.<key>`) when drafted, else the figures that exist today. */
const narrativeOr = (key: string, fallback: string) =>
  `{% if report.narrative.${key}.size > 0 %}{% include 'statements', items: report.narrative.${key} %}{% else %}${fallback}{% endif %}`;

const detection = narrativeOr(
  'detection',
  `- **Detected:** {{ report.moments.detected | time }}{% if report.moments.detected.ref %} ({{ report.moments.detected.ref | ref_link }}){% endif %}
- **Time to detect (from the first symptom):** {{ report.durations.detect | duration }}
- **Time to detect (from the change):** {{ report.durations.detectFromTrigger | duration }}
`,
);

const response = narrativeOr(
  'response',
  `- **Acknowledged:** {{ report.moments.acknowledged | time }}{% if report.moments.acknowledged.ref %} ({{ report.moments.acknowledged.ref | ref_link }}){% endif %}, {{ report.durations.acknowledge | duration }} after detection
- **Mitigation started:** {{ report.moments.mitigationStarted | time }}{% if report.moments.mitigationStarted.ref %} ({{ report.moments.mitigationStarted.ref | ref_link }}){% endif %}
`,
);

const resolution = narrativeOr(
  'resolution',
  `- **Recovered:** {{ report.moments.recovered | time }}{% if report.moments.recovered.ref %} ({{ report.moments.recovered.ref | ref_link }}){% endif %}, {{ report.durations.mitigate | duration }} after detection
- **Impact lasted:** {{ report.durations.impact | duration }}
`,
);

/** Lessons: drafted statements when present; today's findings about the response otherwise. */
const wentWell = narrativeOr(
  'wentWell',
  `{% if report.moments.detected %}- Detection came {{ report.durations.detect | duration }} after the first symptom{% if report.moments.detected.ref %} ({{ report.moments.detected.ref | ref_link }}){% endif %}.
{% else %}- Nothing drafted from the evidence; add what helped the response.
{% endif %}`,
);
const wentWrong = narrativeOr(
  'wentWrong',
  `{% assign wrong = false %}{% for f in report.findings %}{% if f.kind != "mechanism" %}{% assign wrong = true %}- {{ f.statement | cite }}
{% endif %}{% endfor %}{% unless wrong %}- Nothing drafted from the evidence; add what slowed the response.
{% endunless %}`,
);
const lucky = narrativeOr('lucky', '- Nothing drafted from the evidence; add where the team got lucky.\n');

export const PARTS: Record<string, string> = {
  statements,
  timeline,
  'action-items': actionItems,
  claims,
  'impact-fields': impactFields,
  'open-questions': openQuestions,
  'sign-off': signOff,
  trigger,
  'root-cause': rootCause,
  detection,
  response,
  resolution,
  'went-well': wentWell,
  'went-wrong': wentWrong,
  lucky,
};
