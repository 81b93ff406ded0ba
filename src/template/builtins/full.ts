import type { BuiltInTemplate } from './template.js';

/** Seed 004's organisational template: impact metrics, error budget, SLA, action table and sign-off. */
export const full: BuiltInTemplate = {
  name: 'full',
  description:
    'a complete organisational postmortem (seed 004): impact metrics, error budget, SLA, action table, sign-off',
  sections: [
    'Executive Summary',
    'Impact',
    'Timeline',
    'Root Cause',
    'Detection',
    'Resolution',
    'Lessons Learned',
    'Action Items',
    'Appendix',
    'Sign-Off',
  ],
  audiences: ['internal', 'executive'],
  source: `# Postmortem: {{ title | md }}

**Incident ID:** {{ report.incident.id | default: "not set" | md }}  
**Date:** {{ report.moments.impactStart | time | slice: 0, 10 }}  
**Status:** Draft

---

## Executive Summary

{{ report.incident.summary | cite }}

## Impact

### User Impact

{% if report.narrative.impact.size > 0 %}{% include 'statements', items: report.narrative.impact %}
{% endif %}- **Users affected:** {% if report.impact.usersAffected != nil %}{{ report.impact.usersAffected }}{% else %}unknown{% endif %}
- **Duration:** {{ report.moments.impactStart | time }} to {{ report.moments.recovered | time }} ({{ report.durations.impact | duration }})
- **Severity:** {{ report.incident.severity | default: "not set" | md }}

### Business Impact

- **Failed requests:** {% if report.impact.failedRequests != nil %}{{ report.impact.failedRequests | round }}{% else %}not measured{% endif %}
- **SLA breach:** {% if report.impact.sloBreached == true %}yes{% elsif report.impact.sloBreached == false %}no{% else %}unknown{% endif %}

### Metrics

- **Error rate:** peak {{ report.impact.errorRatePeak | percent }}, normal {{ report.impact.errorRateBaseline | percent }}
- **Latency:** peak {% if report.impact.latencyPeakMs != nil %}{{ report.impact.latencyPeakMs | round }} ms{% else %}not measured{% endif %}, normal {% if report.impact.latencyBaselineMs != nil %}{{ report.impact.latencyBaselineMs | round }} ms{% else %}not measured{% endif %}
- **Error budget consumed:** {{ report.impact.errorBudgetConsumedPercent | percent }}

## Timeline

{% include 'timeline' %}
## Root Cause

### What Happened

{% include 'root-cause' %}
### Trigger

{% include 'trigger' %}
## Detection

{% include 'detection' %}
## Resolution

{% include 'response' %}{% include 'resolution' %}
### Time to Resolution

- **Detection to acknowledgement:** {{ report.durations.acknowledge | duration }}
- **Detection to recovery:** {{ report.durations.mitigate | duration }}
- **Total impact:** {{ report.durations.impact | duration }}

## Lessons Learned

### What Went Well

{% include 'went-well' %}
### What Went Wrong

{% include 'went-wrong' %}
### Where We Got Lucky

{% include 'lucky' %}
## Action Items

{% include 'action-items' %}
## Appendix

### Error Budget and SLA

- **Error budget consumed:** {{ report.impact.errorBudgetConsumedPercent | percent }}
- **SLO breached:** {% if report.impact.sloBreached == true %}yes{% elsif report.impact.sloBreached == false %}no{% else %}unknown{% endif %}

### Open Questions

{% include 'open-questions' %}
{% if report.related.size > 0 %}### Related Incidents

{% for r in report.related %}- {{ r.id | md }}: {{ r.title | md }} ({{ r.reasons | join: "; " | md }})
{% endfor %}
{% endif %}## Sign-Off

{% include 'sign-off' %}`,
};
