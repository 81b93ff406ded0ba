import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the evaluation scripts, without types
import { matchProblems } from '../../scripts/lint-eval.mjs';

const problem = (rule: string, lines: number[], what = '') => ({ rule, lines, what });

describe('matching two reviewers’ problems', () => {
  it('pairs problems of the same rule that share a line, one to one', () => {
    const first = [problem('no-placeholders', [14, 15, 16]), problem('action-item-owner', [40])];
    const second = [
      problem('no-placeholders', [16]),
      problem('no-placeholders', [15]),
      problem('action-item-verb', [40]),
    ];
    expect(matchProblems(first, second)).toEqual({ found: [true, false], right: [true, false, false] });
  });

  it('pairs missing sections only when both name the same section', () => {
    const first = [
      problem('required-sections', [], 'no Impact section'),
      problem('required-sections', [], 'no Timeline'),
    ];
    const second = [
      problem('required-sections', [], 'there are no planned Action items'),
      problem('required-sections', [], 'Impact is missing'),
    ];
    expect(matchProblems(first, second)).toEqual({ found: [true, false], right: [false, true] });
  });

  it('never pairs a problem of the whole document with one tied to lines', () => {
    expect(matchProblems([problem('timeline-order', [])], [problem('timeline-order', [9])])).toEqual({
      found: [false],
      right: [false],
    });
  });
});
