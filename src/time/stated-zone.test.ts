import { describe, expect, it } from 'vitest';
import { sameZoneWords, settleZone, zoneWordsIn } from './stated-zone.js';

describe('zones stated in words', () => {
  it('finds abbreviations, offsets and IANA names in a sentence', () => {
    expect(zoneWordsIn('All times are PST (UTC-7)')).toEqual({ abbreviation: 'PST', offset: -420 });
    expect(zoneWordsIn('Times in GMT+2')).toEqual({ offset: 120 });
    expect(zoneWordsIn('times are Europe/Oslo')).toEqual({ iana: 'Europe/Oslo' });
    expect(zoneWordsIn('All times US/Pacific')).toEqual({ iana: 'US/Pacific' });
    expect(zoneWordsIn('our CI/CD pipeline')).toEqual({});
    expect(zoneWordsIn('All times in CEST')).toEqual({ abbreviation: 'CEST' });
  });

  it('reads the region of a name shaped like an IANA zone that is none, and nothing from one with no region', () => {
    expect(zoneWordsIn('All times in America/Eastern')).toEqual({ abbreviation: 'ET' });
    expect(zoneWordsIn('Times are in XS/Pacific')).toEqual({ abbreviation: 'PT' });
    expect(zoneWordsIn('All times in Foo/Bar')).toEqual({});
    expect(zoneWordsIn('the Pacific/Central teams met')).toEqual({});
  });

  it('finds a zone named by its region with "Time", and by the region alone only when asked', () => {
    expect(zoneWordsIn('Times are Eastern Time')).toEqual({ abbreviation: 'ET' });
    expect(zoneWordsIn('all times Pacific Daylight Time')).toEqual({ abbreviation: 'PDT' });
    expect(zoneWordsIn('Central European Time')).toEqual({ abbreviation: 'CET' });
    expect(zoneWordsIn('the Central team timed out')).toEqual({});
    expect(zoneWordsIn('Eastern')).toEqual({});
    expect(zoneWordsIn('Eastern', { bareRegion: true })).toEqual({ abbreviation: 'ET' });
    expect(settleZone({ abbreviation: 'ET' }, '2024-06-28')).toEqual({ zone: 'America/New_York' });
  });

  it('finds a zone inside emphasis marks, as in an italic statement', () => {
    expect(zoneWordsIn('_All times in EEST_')).toEqual({ abbreviation: 'EEST' });
    expect(zoneWordsIn('_All times in UTC+1_')).toEqual({ offset: 60 });
    expect(zoneWordsIn('CESTA times')).toEqual({});
  });

  it('honours daylight saving for the day: PST written in June is Los Angeles time', () => {
    expect(settleZone({ abbreviation: 'PST' }, '2024-06-03')).toEqual({ zone: 'America/Los_Angeles' });
    expect(settleZone({ abbreviation: 'CET' }, '2020-06-09')).toEqual({ zone: 'Europe/Paris' });
  });

  it('lets a stated offset win over an abbreviation it contradicts, with a note', () => {
    expect(settleZone({ abbreviation: 'PST', offset: -420 }, '2024-06-03')).toEqual({
      zone: 'America/Los_Angeles',
    });
    const winter = settleZone({ abbreviation: 'PST', offset: -420 }, '2024-01-15');
    expect(winter.zone).toBe('UTC-7');
    expect('note' in winter && winter.note).toContain('PST is UTC-8');
  });

  it('settles an ambiguous abbreviation by its offset, the manifest, the zones the document names, or else reads its most common place with a note', () => {
    expect(settleZone({ abbreviation: 'IST', offset: 330 }, '2024-07-01')).toEqual({ zone: 'Asia/Kolkata' });
    expect(settleZone({ abbreviation: 'BST' }, '2024-07-01', { manifestZone: 'Europe/London' })).toEqual({
      zone: 'Europe/London',
    });
    expect(
      settleZone({ abbreviation: 'CST' }, '2024-07-01', { documentZones: ['America/New_York'] }),
    ).toEqual({
      zone: 'America/Chicago',
    });
    const open = settleZone({ abbreviation: 'IST' }, '2024-07-01');
    expect(open.zone).toBe('Asia/Kolkata');
    expect('note' in open && open.note).toMatch(/IST names several zones .*read as Asia\/Kolkata/);
    // "Timeline (times in BST)" with nothing to settle it (2i2c 2025-08-12): British Summer Time, noted.
    expect(settleZone({ abbreviation: 'BST' }, '2025-08-12').zone).toBe('Europe/London');
  });
});

describe('zones named in the same words', () => {
  it('compares abbreviation, offset and IANA name, whatever order they were read in', () => {
    expect(sameZoneWords({ offset: -420, abbreviation: 'PDT' }, { abbreviation: 'PDT', offset: -420 })).toBe(
      true,
    );
    expect(sameZoneWords({ abbreviation: 'PDT' }, { abbreviation: 'PDT', offset: -420 })).toBe(false);
    expect(sameZoneWords({ iana: 'Europe/Oslo' }, { iana: 'Europe/Paris' })).toBe(false);
  });
});
