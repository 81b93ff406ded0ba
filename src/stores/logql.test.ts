import { describe, expect, it } from 'vitest';
import { logQueryProblem } from './logql.js';

describe('logQueryProblem', () => {
  it.each([
    '{app="checkout"}',
    '{app="checkout", env=~"prod|staging"} |= "error" != "healthz"',
    '{app="checkout"} | json | status >= 500 and method != "GET"',
    '{app="checkout"} |~ "timeout after [0-9]+ ms" | line_format "{{.msg}}"',
    '{app=`check"out`} | logfmt | duration > 10s or (level="error")',
    '  {job="varlogs"}\n  |= "x"',
  ])('accepts the log query %s', (query) => {
    expect(logQueryProblem(query)).toBeNull();
  });

  it.each([
    ['count_over_time({app="x"}[1m])', 'it must start with a stream selector'],
    ['{app="x"} |= "unclosed', 'never closed'],
    ['{app="unclosed}', 'a label value is never closed'],
    ['{app=x}', 'a quoted label value was expected at character 6'],
    ['{app~"x"}', 'a matcher (=, !=, =~, !~) was expected at character 5'],
    ['{app="x"} | json | (status > 1', "an unclosed '('"],
    ['{app="x"} } {', "'}' at character 11"],
    [`{app="x"} |= "${'a'.repeat(5000)}"`, 'longer than 4096 characters'],
  ])('refuses %s', (query, reason) => {
    expect(logQueryProblem(query)).toContain(reason);
  });
});
