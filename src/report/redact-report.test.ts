import { describe, expect, it } from 'vitest';
import { entry, errorRateSeries, sampleReport } from '../../test/support/report.js';
import { redactReport, redactSeries } from './redact-report.js';

const hook = `https://hooks.slack.com/services/T01ABCDEF23/B04GHIJKL56/${'a1b2'.repeat(6)}`;

describe('redactReport', () => {
  const report = sampleReport({
    incident: {
      id: 'INC-1',
      title: `Checkout down, alerts to ${hook}`,
      severity: 'SEV2',
      services: ['checkout'],
      summary: 'Ops ran set "password=hunter22" and paid with 4111 1111 1111 1111 (jane@example.com).',
    },
    timeline: [entry(0, 'change', 'DEP-1', { attrs: { token: 'letmein', approvals: 1 } })],
  });

  it('replaces secrets and card numbers in the title, the summary and every field', () => {
    const out = redactReport(report);
    expect(out.incident.title).toBe('Checkout down, alerts to https://hooks.slack.com/services/[REDACTED]');
    expect(out.incident.summary).toBe(
      'Ops ran set "password=[REDACTED]" and paid with [REDACTED CARD] (jane@example.com).',
    );
    expect(out.timeline[0]!.attrs).toEqual({ token: '[REDACTED]', approvals: 1 });
  });

  it('keeps the JSON valid and the quotes in place', () => {
    const json = JSON.stringify(redactReport(report));
    expect(JSON.parse(json).incident.summary).toContain('"password=[REDACTED]"');
  });

  it('masks personal data only with pii', () => {
    expect(redactReport(report).incident.summary).toContain('jane@example.com');
    expect(redactReport(report, { pii: true }).incident.summary).toContain('([email])');
  });

  it('redacts the names and labels of the series drawn with it, and keeps their points', () => {
    const series = errorRateSeries({ name: `errors ${hook}`, labels: { instance: '10.1.2.3:9090' } });
    const [out] = redactSeries([series], { pii: true });
    expect(out!.name).toBe('errors https://hooks.slack.com/services/[REDACTED]');
    expect(out!.labels.instance).toBe('[ip]:9090');
    expect(out!.points).toEqual(series.points);
  });
});
