import type { BuiltInTemplate } from './template.js';

/** Seed 003's evidence-linked report: claims with their refs and confidence, decision artifacts, follow-ups. */
export const evidence: BuiltInTemplate = {
  name: 'evidence',
  description:
    'an evidence-linked report (seed 003): claims with evidence refs and confidence, decision integrity, follow-ups',
  sections: ['Summary', 'Impact', 'Decision integrity artifacts', 'Timeline', 'Claims', 'Follow-ups'],
  audiences: ['internal', 'executive'],
  source: `# Post-mortem: {{ report.incident.id | default: title | md }}

## Summary

{{ report.incident.summary | cite }}

## Impact

- **User impact:** {% if report.narrative.impact.size > 0 %}{% for s in report.narrative.impact %}{{ s.text | cite }} {% endfor %}{% else %}peak error rate {{ report.impact.errorRatePeak | percent }}, users affected {% if report.impact.usersAffected != nil %}{{ report.impact.usersAffected }}{% else %}unknown{% endif %}{% endif %}
- **Duration:** {{ report.durations.impact | duration }}
- **Severity:** {{ report.incident.severity | default: "not set" | md }}

## Decision integrity artifacts

{% assign artifacts = false %}{% for e in report.timeline %}{% if e.kind == "change" or e.kind == "rollback" %}{% assign artifacts = true %}- {{ e.ref | ref_link }}: {{ e.summary | cut: 160 | md }}
{% endif %}{% endfor %}{% for f in report.findings %}{% if f.kind == "policy" %}{% assign artifacts = true %}- {{ f.rule | md }}: {{ f.statement | cite }}
{% endif %}{% endfor %}{% unless artifacts %}No change, rollback or policy finding is in the evidence shown here.
{% endunless %}
## Timeline

{% include 'timeline' %}
## Claims

{% include 'claims' %}
## Follow-ups

{% if report.followUps.size > 0 %}| Action | Owner role | Priority | Evidence |
| --- | --- | --- | --- |
{% for f in report.followUps %}| {{ f.action | cite }} | {{ f.ownerRole | md_cell }} | {{ f.priority | md_cell }} | {{ f.evidenceRefs | ref_links | default: "—" }} |
{% endfor %}{% else %}No follow-up was drawn from the evidence; add the team's own.
{% endif %}`,
};
