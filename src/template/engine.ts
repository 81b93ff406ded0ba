import type { Liquid, LiquidError } from 'liquidjs';
import { InputError } from '../errors.js';

/** Limits a template runs within: parse size, render time and memory, so no template can hang a run. */
export const TEMPLATE_LIMITS = {
  /** Characters of template source. */
  parseLimit: 200_000,
  /** Milliseconds of rendering. */
  renderLimit: 5_000,
  /** Characters and array items a template may allocate (strings, ranges, joins). */
  memoryLimit: 20_000_000,
};

/** A template to render: its name as shown in errors, its source, and the built-in parts it may include. */
export interface TemplateSource {
  /** Where errors point: the file path, or "built-in template sre". */
  file: string;
  source: string;
}

let engine: Promise<typeof import('liquidjs')> | undefined;
// Loaded on first use: only `generate --template` pays for the engine.
const liquidjs = () => (engine ??= import('liquidjs'));

/**
 * A LiquidJS engine with no file system: `include` and `render` reach only the built-in parts
 * (`templates`), filters must be known (`strictFilters`), an undefined variable is an error outside
 * `if` and `default` (`strictVariables`, `lenientIf`), only the data's own properties are visible,
 * and parse size, render time and memory are bounded.
 */
export async function sandboxedEngine(
  parts: Record<string, string>,
  filters: Record<string, (value: unknown, ...args: unknown[]) => string>,
): Promise<Liquid> {
  const { Liquid } = await liquidjs();
  const liquid = new Liquid({
    templates: parts,
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    ownPropertyOnly: true,
    jsTruthy: false,
    outputEscape: undefined,
    greedy: false,
    ...TEMPLATE_LIMITS,
  });
  for (const [name, filter] of Object.entries(filters)) liquid.registerFilter(name, filter);
  return liquid;
}

/** What went wrong in a template, said for its author: no stack, no engine wording about files. */
function explain(error: LiquidError, parts: string[]): { message: string; code: string } {
  const first = String(error.message)
    .split('\n')[0]
    .replace(/, (file:.*?, )?line:\d+, col:\d+$/, '');
  const lookup = /Failed to lookup "([^"]{0,200})"/.exec(first);
  if (lookup)
    return {
      code: 'TEMPLATE_REFUSED',
      message: `includes '${lookup[1]}', which is not a built-in part (${parts.join(', ')}); a template cannot read files`,
    };
  if (/limit exceeded/.test(first))
    return {
      code: 'TEMPLATE_LIMIT',
      message: `${first}: a template must finish within ${TEMPLATE_LIMITS.renderLimit} ms and ${TEMPLATE_LIMITS.memoryLimit.toLocaleString('en-US')} characters of memory (a loop too long?)`,
    };
  if (error.name === 'UndefinedVariableError')
    return { code: 'TEMPLATE_VARIABLE', message: `${first} (see docs/templates.md for the variables)` };
  if (error.name === 'ParseError' || error.name === 'TokenizationError')
    return { code: 'TEMPLATE_SYNTAX', message: first };
  return { code: 'TEMPLATE_RENDER', message: first };
}

/** The line in the template at fault: the engine's token position, else the one its message names. */
function lineOf(error: LiquidError): number | null {
  const position = error.token?.getPosition?.();
  if (position) return position[0];
  const m = /line:(\d+)/.exec(String(error.message));
  return m ? Number(m[1]) : null;
}

/** Renders a template with the sandboxed engine; any failure is one line naming the file and line. */
export async function renderLiquid(
  liquid: Liquid,
  template: TemplateSource,
  data: Record<string, unknown>,
): Promise<string> {
  try {
    return await liquid.parseAndRender(template.source, data);
  } catch (error) {
    if (!(error instanceof Error) || !('token' in error || /line:\d+/.test(error.message))) throw error;
    const e = error as LiquidError;
    const { code, message } = explain(e, Object.keys(liquid.options.templates ?? {}));
    throw new InputError(code, template.file, message, lineOf(e));
  }
}
