import { describe, expect, it } from 'vitest';
import { statedSpans } from './stated-spans.js';

describe('statedSpans', () => {
  it('reads a span named by its two points before the amount', () => {
    expect(statedSpans('From confirmation to mitigation was 46 min.')[0]).toMatchObject({
      name: 'from confirmation to mitigation',
      seconds: 46 * 60,
    });
    expect(statedSpans('the time from the first alert until resolution took about 2 hours')[0]).toMatchObject(
      { name: 'from first alert to resolution', seconds: 7200, qualifier: 'about' },
    );
    expect(statedSpans('Between detection and recovery: 1 hour 5 minutes')[0]).toMatchObject({
      name: 'from detection to recovery',
      seconds: 3900,
    });
  });

  it('reads a span named by its two points after the amount', () => {
    expect(statedSpans('It took 46 minutes from confirmation to mitigation.')[0]).toMatchObject({
      name: 'from confirmation to mitigation',
      seconds: 2760,
    });
    expect(statedSpans('roughly 12 min between the alert and the rollback')[0]).toMatchObject({
      name: 'from alert to rollback',
      seconds: 720,
      qualifier: 'about',
    });
  });

  it('reads a span named on its own line, in a list or a table', () => {
    expect(statedSpans('- **Detection to mitigation:** 46 minutes')[0]).toMatchObject({
      name: 'from detection to mitigation',
      seconds: 2760,
    });
    expect(statedSpans('| Time from start of impact to detection | 8 min |')[0]).toMatchObject({
      name: 'from start of impact to detection',
      seconds: 480,
    });
  });

  it('leaves ranges of times of day, spans of things that are no point of an incident, and plain figures', () => {
    expect(statedSpans('from 10:00 to 11:30 checkout failed')).toEqual([]);
    expect(statedSpans('from London to Paris took 3 hours')).toEqual([]);
    expect(statedSpans('- Time to recovery: 25 minutes')).toEqual([]);
    expect(statedSpans('The outage lasted 2 hours.')).toEqual([]);
  });
});
