import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/support/report.js';
import { phasesOf } from './phases.js';

describe('phasesOf', () => {
  const { moments } = sampleReport();

  it('shades impact before detection, response, mitigation and recovery between the moments', () => {
    expect(phasesOf(moments).map((p) => p.name)).toEqual(['impact', 'response', 'mitigation', 'recovery']);
    const response = phasesOf(moments).find((p) => p.name === 'response')!;
    expect(new Date(response.from).toISOString()).toBe(moments.detected!.ts);
    expect(new Date(response.to).toISOString()).toBe(moments.mitigationStarted!.ts);
  });

  it('leaves out a phase whose ends are missing or coincide', () => {
    const names = phasesOf({ ...moments, detected: moments.impactStart, closed: null }).map((p) => p.name);
    expect(names).toEqual(['response', 'mitigation']);
  });

  it('lets the response run to recovery when no mitigation is known', () => {
    const response = phasesOf({ ...moments, mitigationStarted: null }).find((p) => p.name === 'response')!;
    expect(new Date(response.to).toISOString()).toBe(moments.recovered!.ts);
  });
});
