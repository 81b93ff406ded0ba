import type { BuiltInTemplate } from './template.js';

/** The Google SRE workbook's example postmortem, in its order. */
export const sre: BuiltInTemplate = {
  name: 'sre',
  description:
    'the Google SRE workbook postmortem: summary, impact, root causes, trigger, resolution, detection, action items, lessons, timeline',
  sections: [
    'Summary',
    'Impact',
    'Root Causes',
    'Trigger',
    'Resolution',
    'Detection',
    'Action Items',
    'Lessons Learned',
    'Timeline',
    'Supporting Information',
  ],
  audiences: ['internal', 'executive'],
  source: `# {{ title | md }}

**Status:** draft for review · **Incident:** {{ report.incident.id | default: "not set" | md }} · **Severity:** {{ report.incident.severity | default: "not set" | md }} · **Times:** {{ report.zone | md }}

## Summary

{{ report.incident.summary | cite }}

## Impact

{% if report.narrative.impact.size > 0 %}{% include 'statements', items: report.narrative.impact %}
{% endif %}{% include 'impact-fields' %}
## Root Causes

{% include 'root-cause' %}
## Trigger

{% include 'trigger' %}
## Resolution

{% include 'response' %}{% include 'resolution' %}
## Detection

{% include 'detection' %}
## Action Items

{% include 'action-items' %}
## Lessons Learned

### What went well

{% include 'went-well' %}
### What went wrong

{% include 'went-wrong' %}
### Where we got lucky

{% include 'lucky' %}
## Timeline

{% include 'timeline' %}
## Supporting Information

### Open questions

{% include 'open-questions' %}
### Data quality

- Files read: {{ report.dataQuality.filesRead }}; events read: {{ report.dataQuality.eventsRead }}; lines skipped: {{ report.dataQuality.linesSkipped }}.
{% for p in report.dataQuality.problems %}- {{ p.file | md }}{% if p.line %}:{{ p.line }}{% endif %}: {{ p.message | cut: 200 | md }}
{% endfor %}`,
};
