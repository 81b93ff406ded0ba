import { describe, expect, it } from 'vitest';
import { libraryStats, recordFromReport } from '../library/index.js';
import { sampleReport } from '../library/store-contract.js';
import { duration } from './duration.js';
import { everyMonth, statsSection } from './stats-section.js';

const record = (id: string, date: string, services: string[], detect: number | null) => ({
  ...recordFromReport(sampleReport()),
  id,
  date,
  services,
  durations: { detect, acknowledge: null, mitigate: 1800 },
});

describe('the library stats section', () => {
  const stats = libraryStats(
    [
      record('INC-1', '2026-01-05', ['api-gateway'], 120),
      record('INC-2', '2026-01-20', ['api-gateway', 'payments <eu>'], 240),
      record('INC-3', '2026-04-02', ['search'], null),
    ],
    { today: '2026-06-01' },
  );
  const html = statsSection(stats);

  it('counts every month from the first to the last, quiet ones as zero', () => {
    expect(everyMonth(stats.byMonth).map((m) => [m.month, m.count])).toEqual([
      ['2026-01', 2],
      ['2026-02', 0],
      ['2026-03', 0],
      ['2026-04', 1],
    ]);
  });

  it('draws incidents per month, median times per month and incidents per service', () => {
    expect(html).toMatch(/<svg[^>]*aria-label="Incidents per month"/);
    expect([...html.matchAll(/class="bar bar-count"/g)]).toHaveLength(4);
    expect(html).toContain('<title>2026-01 · time to detect: 3 min</title>');
    expect(html).toContain('<title>2026-04 · time to mitigate: 30 min</title>');
    expect(html).toContain('<title>api-gateway: 2 incidents</title>');
    expect(html).toContain('payments &lt;eu&gt;');
    expect(html).not.toContain('style=');
  });

  it('gives the numbers as tables too', () => {
    expect(html).toContain('<tr><td>2026-01</td><td>2</td><td>3 min</td><td>—</td><td>30 min</td></tr>');
    expect(html).toContain('<tr><td>api-gateway</td><td>2</td>');
  });

  it('charts open follow-ups past due per incident, and lists them', () => {
    const late = libraryStats(
      [
        {
          ...record('INC-9', '2026-01-05', ['api'], 60),
          actionItems: [{ action: 'Add an alert', owner: 'sre', due: '2026-02-01', status: 'open', line: 1 }],
        },
      ],
      { today: '2026-03-01' },
    );
    const section = statsSection(late);
    expect(section).toContain('<title>INC-9: 1 follow-ups past due</title>');
    expect(section).toContain('<td>Add an alert</td><td>sre</td><td>2026-02-01</td>');
    expect(html).toContain('No open follow-up is past its due date.');
  });

  it('says durations as people read them, and shows nothing for an empty library', () => {
    expect([duration(45), duration(600), duration(3 * 3600), duration(null)]).toEqual([
      '45 s',
      '10 min',
      '3 h',
      '—',
    ]);
    expect(statsSection(libraryStats([]))).toBe('');
  });
});
