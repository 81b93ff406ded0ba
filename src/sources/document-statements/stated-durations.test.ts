import { describe, expect, it } from 'vitest';
import { labelledDuration, statedDurations } from './stated-durations.js';

describe('statedDurations', () => {
  it('reads compound durations after words that state a length', () => {
    expect(
      statedDurations('an outage lasting 1 hour and 48 minutes, from 16:58 to 18:46 UTC').map(
        (d) => d.seconds,
      ),
    ).toEqual([6480, 6480]);
    expect(statedDurations('**Duration:** 31 minutes')[0].seconds).toBe(1860);
    expect(statedDurations('Total Downtime: ~2 minutes')[0].seconds).toBe(120);
  });

  it('reads a range of times of day as a duration that has no name', () => {
    expect(statedDurations('between 10:00 AM PST and 11:30 AM PST, checkout failed')[0]).toMatchObject({
      seconds: 5400,
      name: null,
    });
  });

  it('reads how long the problem went unnoticed, stopped work, or took to fix, told in prose', () => {
    expect(statedDurations('The fault went unnoticed for 3 hours, until a user wrote in.')[0]).toMatchObject({
      name: 'unnoticed for',
      seconds: 10800,
    });
    expect(statedDurations('It was 11 hours before we realized the queue had stopped.')[0]).toMatchObject({
      name: 'time to detection',
      seconds: 39600,
    });
    expect(statedDurations('Deploys were halted for about 3 hours')[0]).toMatchObject({
      name: 'halted for',
      seconds: 10800,
      qualifier: 'about',
    });
    expect(statedDurations('Everything was fixed in about 40 minutes.')[0]).toMatchObject({
      name: 'fixed in',
      seconds: 2400,
    });
    expect(statedDurations('Recovery took ~20 minutes.')[0]).toMatchObject({
      name: 'recovery took',
      seconds: 1200,
    });
    expect(statedDurations('This caused 40min of total outage.')[0]).toMatchObject({
      name: 'outage',
      seconds: 2400,
    });
    // An amount a wrapped line cuts short ("… seven hours and ten" / "minutes.") is not read in part.
    expect(statedDurations('The issue went undetected for 7 hours and ten')).toEqual([]);
    expect(statedDurations('The issue went undetected for 7 hours and 10')).toEqual([]);
    // A latency the users saw is no figure of the incident; nor is a wait before a later step.
    expect(statedDurations('hooks were slow (~5min delay for a response)')).toEqual([]);
    expect(statedDurations('We waited 10 minutes before we restarted the proxy')).toEqual([]);
  });

  it('ignores amounts that are not the incident length', () => {
    expect(statedDurations('the peer was banned for 10 seconds; detected within 45 seconds')).toEqual([]);
    expect(statedDurations('the API was unavailable for 20 minutes')[0].seconds).toBe(1200);
  });
  it("ignores one occurrence's length among many", () => {
    // psimaker/homelab 2025-09-23: the tunnel flapped for about two hours.
    expect(statedDurations("Each flap was a 30-second outage from the user's perspective.")).toEqual([]);
    expect(statedDurations('every retry was down for 5 minutes')).toEqual([]);
  });

  it('ignores what an availability target allows over a period', () => {
    // rust-lang/infra-team 2026-07-02: a model of CI uptime, not this outage's length.
    expect(statedDurations('99.9% annual uptime corresponds to approx. 8 hours of downtime')).toEqual([]);
    expect(statedDurations('our SLO leaves an error budget of 43 minutes of downtime')).toEqual([]);
    expect(statedDurations('we allow 10 hours of downtime per year')).toEqual([]);
    expect(statedDurations('Uptime suffered: the outage lasted 45 minutes')[0].seconds).toBe(2700);
    expect(statedDurations('99.9% of requests failed; 8 hours of downtime')[0].seconds).toBe(28800);
    // Long hostile lines of percentages and budget words read in linear time.
    for (const text of [
      `${'9% '.repeat(20_000)}8 hours of downtime`,
      `${'error budget '.repeat(10_000)}8 hours of downtime`,
      `8 hours of downtime${' a'.repeat(20_000)}`,
    ])
      expect(statedDurations(text).length).toBeLessThanOrEqual(1);
  });

  it('names a figure by the words that lead to it and keeps how it is qualified', () => {
    // Chia Network, 2021-05-10-WikiAttack.md, "Resolution and recovery"
    expect(
      statedDurations('Mariano published a fix. - Total time to resolution approximately 49 minutes.')[0],
    ).toMatchObject({ name: 'total time to resolution', seconds: 2940, qualifier: 'about' });
    // the seed 000: "The incident lasted approximately 26 minutes"
    expect(statedDurations('The incident lasted approximately 26 minutes, during which')[0]).toMatchObject({
      name: 'lasted',
      seconds: 1560,
      qualifier: 'about',
    });
    expect(statedDurations('the service was down for over 7 hours')[0]).toMatchObject({
      name: 'down for',
      qualifier: 'at least',
    });
  });

  it('reads an amount written before what it measures', () => {
    // PostHog 2025-10-21-feature-flags-recurring-outages.md
    expect(
      statedDurations('requiring customer reports for detection (62-minute detection delay)')[0],
    ).toMatchObject({ name: 'detection delay', seconds: 3720 });
    expect(statedDurations('This caused a 45-minute outage for EU customers.')[0]).toMatchObject({
      name: 'outage',
      seconds: 2700,
    });
    expect(statedDurations('We held a 30-minute review.')).toEqual([]);
    // jenkins-infra/documentation 20211118: hours and minutes, both before what they measure.
    expect(statedDurations('2021-11-18 - 11:07 UTC => 13:40 UTC (02h 37min of outage)')[0]).toMatchObject({
      name: 'outage',
      seconds: 9420,
      unit: 60,
    });
  });

  it('records the finest unit written, which says how far the author rounded', () => {
    expect(statedDurations('The outage lasted 2 hours.')[0].unit).toBe(3600);
    expect(statedDurations('The outage lasted 1 hour and 48 minutes.')[0].unit).toBe(60);
  });
});

describe('labelledDuration', () => {
  it("reads the dfds Stats list's named figures", () => {
    // dfds PM2021-005 and PM2022-004, "## Stats"
    expect(labelledDuration('- Time to detection: 8 minutes')).toMatchObject({
      name: 'time to detection',
      seconds: 480,
      text: 'Time to detection: 8 minutes',
    });
    expect(labelledDuration('- Time to recovery:  25 minutes')?.seconds).toBe(1500);
    expect(labelledDuration('- Time to detection: 19 hours 43 minutes.')?.seconds).toBe(70980);
    expect(labelledDuration('- Time to recovery: 279 minutes [^3]')?.seconds).toBe(16740);
    expect(labelledDuration('- Time to detection: 11 Days')?.seconds).toBe(11 * 86400);
  });

  it('states nothing for a figure the author left open', () => {
    for (const line of ['- Time to detection: ?', '- Time to recovery: N/A', '- Time to detection: YYY'])
      expect(labelledDuration(line)).toBeNull();
  });

  it('reads bold labels, bracketed amounts after a range and table rows', () => {
    // PostHog 2025-10-03-surveys-sdk-bug.md and 2025-10-21-feature-flags-recurring-outages.md
    expect(
      labelledDuration('**Total impact duration:** 5 hours 26 minutes (10:45 - 16:11 UTC)'),
    ).toMatchObject({ name: 'total impact duration', seconds: 19560 });
    expect(labelledDuration('**Detection delay:** 4 hours 14 minutes')).toMatchObject({
      name: 'detection delay',
      seconds: 15240,
    });
    expect(labelledDuration('**Duration:** 21:45 to 23:28 UTC (103 minutes)')?.seconds).toBe(6180);
    expect(labelledDuration('| Time to recovery (TTR) | 25 min |')).toMatchObject({
      name: 'time to recovery',
      seconds: 1500,
    });
  });

  it('reads the abbreviations teams use for their figures', () => {
    expect(labelledDuration('TTD: 8 min')).toMatchObject({ name: 'ttd', seconds: 480 });
    expect(labelledDuration('* MTTR - 1h 5m')).toMatchObject({ name: 'mttr', seconds: 3900 });
  });

  it('reads a unit run straight into the next amount, and a length written as hours and minutes (elife-xpub)', () => {
    expect(labelledDuration('MTTD: 2h52m')).toMatchObject({ name: 'mttd', seconds: 2 * 3600 + 52 * 60 });
    expect(labelledDuration('MTTR: 01:00')).toMatchObject({ name: 'mttr', seconds: 3600, unit: 60 });
    expect(labelledDuration('Time to detect: 2:52:10')).toMatchObject({ seconds: 10330, unit: 1 });
    // A time of day is no length: only a figure's name makes "11:00" one, and only alone.
    expect(labelledDuration('Detected at: 11:00')).toBeNull();
    expect(labelledDuration('Duration: 21:45 to 23:28 UTC (103 minutes)')).toMatchObject({ seconds: 6180 });
    expect(statedDurations('The outage lasted 5 ms')).toEqual([]);
  });

  it('leaves lines whose label is no figure', () => {
    expect(labelledDuration('- Category: Kubernetes')).toBeNull();
    expect(labelledDuration('- **October 21** (103 minutes): Redis overload')).toBeNull();
    expect(labelledDuration('Health check configuration: routing for up to 45 minutes')).toBeNull();
  });

  // rotkonetworks/www.rotko.net (MIT by its package manifest).
  it('takes a limit an SLA allows for no duration of the incident', () => {
    expect(
      statedDurations(
        'No impact on RPC services, which remain within SLA allowances (weekly downtime limit: 40 minutes).',
      ),
    ).toEqual([]);
    expect(statedDurations('an allowance of 40 minutes of downtime per week')).toEqual([]);
    expect(
      statedDurations('Network downtime lasted approximately 18 minutes.').map((d) => d.seconds),
    ).toEqual([1080]);
  });
});
