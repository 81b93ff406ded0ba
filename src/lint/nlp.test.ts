import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nlp } from './nlp.js';

const bundle = fileURLToPath(new URL('../../dist/cli/bundle.js', import.meta.url));

describe('nlp', () => {
  it('reads a sentence’s grammar once loaded', () => {
    expect(nlp('We added an alert').verbs().toInfinitive().text()).toBe('add');
    expect(nlp('Alice restarted the pod').has('#Person')).toBe(true);
  });

  it.skipIf(!existsSync(bundle))('is not loaded by a command that lints nothing', () => {
    // A resolve hook refuses compromise as an ES module; require's cache shows it loaded as CommonJS.
    const refuse = `data:text/javascript,export async function resolve(s, c, next) { if (s === 'compromise') throw new Error('compromise imported'); return next(s, c); }`;
    const script = [
      `import { register, createRequire } from 'node:module';`,
      `register(${JSON.stringify(refuse)});`,
      `const { main } = await import(${JSON.stringify(bundle)});`,
      `await main(['node', 'hindsight', '--version']);`,
      `const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/compromise/'));`,
      `console.log(JSON.stringify(loaded));`,
    ].join('\n');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.trim().split('\n').pop()).toBe('[]');
  });
});
