import { describe, expect, it } from 'vitest';
import { whereProblem } from './clickhouse-where.js';

describe('whereProblem', () => {
  it('accepts filters with quoted text that holds what is refused outside quotes', () => {
    expect(whereProblem("env = 'prod' AND message NOT LIKE '%; -- select (%'")).toBeNull();
    expect(whereProblem("level IN ('error', 'warn') AND (status >= 500 OR path = 'it\\'s')")).toBeNull();
    expect(whereProblem("`select` = 1 AND has(tags, 'x')")).toBeNull();
  });

  it('refuses statements, comments, subqueries, clauses and unbalanced brackets or quotes', () => {
    expect(whereProblem('1; DROP TABLE logs')).toContain("';'");
    expect(whereProblem('1 -- x')).toBe('holds a comment');
    expect(whereProblem('1 /* x */')).toBe('holds a comment');
    expect(whereProblem('1 # x')).toBe('holds a comment');
    expect(whereProblem('x IN (SELECT 1)')).toContain('SELECT');
    expect(whereProblem('1 SETTINGS readonly = 0')).toContain('SETTINGS');
    expect(whereProblem('1) OR (1')).toContain("unbalanced ')'");
    expect(whereProblem('(1')).toContain("unclosed '('");
    expect(whereProblem("a = 'x")).toContain("unclosed '");
    expect(whereProblem('  ')).toBe('is empty');
  });
});
