import type { BuiltInTemplate } from './template.js';

/** Seed 001's short hand-written report, and its plain-language version for customers. */
export const brief: BuiltInTemplate = {
  name: 'brief',
  description:
    'a short report (seed 001): summary, timeline, root cause and resolution, measures; a plain version for customers',
  sections: [
    'Issue Summary',
    'Timeline',
    'Root Cause and Resolution',
    'Corrective and Preventative Measures',
  ],
  customerSections: ['What happened', 'How we fixed it', 'What we are changing', 'Our apologies'],
  audiences: ['internal', 'executive', 'customer'],
  source: `{% if audience == "customer" %}# {{ title | md }}

## What happened

{{ report.incident.summary | md }}

## How we fixed it

{% if report.moments.mitigationStarted %}Our engineers began corrective action at {{ report.moments.mitigationStarted | time }} ({{ report.zone | md }}){% if report.durations.mitigate != nil %}, and service was fully restored {{ report.durations.mitigate | duration }} after we noticed the problem{% endif %}.{% elsif report.moments.recovered %}Service was fully restored at {{ report.moments.recovered | time }} ({{ report.zone | md }}).{% else %}Our engineers are still confirming that service is fully restored.{% endif %}

## What we are changing

{% for f in report.followUps %}- {{ f.action | md }}
{% endfor %}
## Our apologies

We are sorry for the disruption. If you were affected and need help, please contact our support team.
{% else %}# Postmortem: {{ title | md }} ({{ report.moments.impactStart | time }} to {{ report.moments.recovered | time }}, {{ report.zone | md }})

## Issue Summary

{{ report.incident.summary | cite }}

## Timeline

{% if report.timeline.size > 0 %}{% for e in report.timeline %}- {{ e.ref | ref_anchor }}**{{ e.ts | time | slice: 11, 5 }}:** {{ e.summary | cut: 160 | md }} ({{ e.ref | ref_link }})
{% endfor %}{% else %}The timeline is not part of this version of the report.
{% endif %}
## Root Cause and Resolution

{% include 'root-cause' %}
{% include 'resolution' %}
## Corrective and Preventative Measures

{% if report.followUps.size > 0 %}{% for f in report.followUps %}- **{{ f.type | default: "process" | capitalize | md }}:** {{ f.action | cite }} ({{ f.ownerRole | md }}, {{ f.priority | md }})
{% endfor %}{% else %}No follow-up was drawn from the evidence; add the team's own.
{% endif %}{% endif %}`,
};
