import { describe, expect, it } from 'vitest';
import { listedActionItems } from './action-items.js';
import { statesInPlace } from './in-place.js';
import { parsePostmortem } from './parse.js';

describe('statesInPlace', () => {
  // Cercol/cercol (MIT): Prevention lists telling what the measures already in place do.
  it('reads a thing in place, named as code or pointed at, doing its work in the present tense', () => {
    expect(
      statesInPlace(
        'Structural fix: ADR `docs/decisions/0004-caddy.md` defines the multi-tenant Caddy pattern.',
      ),
    ).toBe(true);
    expect(statesInPlace('Test guard: `api/tests/test_infra.py` asserts the snippet file exists')).toBe(true);
    expect(statesInPlace('The new convention also explicitly notes that mocks alone are insufficient')).toBe(
      true,
    );
    expect(
      statesInPlace('Both fix commits include a regression test that asserts the real on-wire shape'),
    ).toBe(true);
  });

  it('does not read an instruction, a need, a modal, a state to reach or how a system behaves', () => {
    expect(statesInPlace('Add a smoke test to `deploy-backend.yml`')).toBe(false);
    expect(statesInPlace('The smoke test procedure should include crate downloads.')).toBe(false);
    expect(statesInPlace('The alerting needs a page for the API')).toBe(false);
    expect(statesInPlace('etcd detects data corruption by default')).toBe(false);
    expect(
      statesInPlace('JupyterHub only uses a certain length of the cookie secret, and discards the rest.'),
    ).toBe(false);
    expect(statesInPlace('MEDIUM Develop rules on which pull requests require explicit code review')).toBe(
      false,
    );
    expect(statesInPlace('We add an alert on the API')).toBe(false);
  });
});

describe('a list telling the measures in place', () => {
  it('reads the list as done work, and a list of instructions beside it as planned', () => {
    const doc = parsePostmortem(
      '## Prevention\n\n- Structural fix: ADR\n  [`docs/decisions/0004-caddy.md`](../decisions/0004-caddy.md)\n  defines the multi-tenant Caddy pattern.\n- External probe: the smoke test added in\n  `.github/workflows/deploy-backend.yml` calls the API after deploy.\n- Test guard: `api/tests/test_infra.py` asserts the snippet file\n  exists.\n\n## Action items\n\n- Add a probe for the blog endpoint\n- `api/tests/test_infra.py` asserts the snippet\n- Page the on-call on TLS errors\n',
      'pm.md',
    );
    expect(listedActionItems(doc).map((i) => [i.line, i.status])).toEqual([
      [3, 'done'],
      [6, 'done'],
      [8, 'done'],
      [13, null],
      [14, null],
      [15, null],
    ]);
  });
});
