import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { Audience } from '../report/index.js';
import { BUILT_IN_TEMPLATES, type BuiltInTemplate, builtInNames, isBuiltIn } from './builtins/index.js';
import { TEMPLATE_LIMITS, type TemplateSource } from './engine.js';

/** A template ready to render: a built-in, or a team's own file. */
export interface LoadedTemplate extends TemplateSource {
  name: string;
  builtIn: BuiltInTemplate | null;
}

/**
 * `--template NAME|PATH`: a built-in by name (`sre`, `full`, `evidence`, `brief`), else a Liquid
 * file read as UTF-8 text.
 */
export async function loadTemplate(nameOrPath: string): Promise<LoadedTemplate> {
  if (isBuiltIn(nameOrPath)) {
    const builtIn = BUILT_IN_TEMPLATES[nameOrPath];
    return { name: nameOrPath, file: `built-in template ${nameOrPath}`, source: builtIn.source, builtIn };
  }
  let source: string;
  try {
    source = await readFile(nameOrPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      'TEMPLATE_NOT_FOUND',
      nameOrPath,
      code === 'ENOENT'
        ? `no such template: give a built-in (${builtInNames.join(', ')}) or a template file`
        : code === 'EISDIR'
          ? 'is a folder; give a template file'
          : `cannot read it (${code ?? error})`,
    );
  }
  if (source.length > TEMPLATE_LIMITS.parseLimit)
    throw new InputError(
      'TEMPLATE_LIMIT',
      nameOrPath,
      `the template is ${source.length.toLocaleString('en-US')} characters; at most ${TEMPLATE_LIMITS.parseLimit.toLocaleString('en-US')} are read`,
    );
  return { name: nameOrPath, file: nameOrPath, source, builtIn: null };
}

/** A built-in keeps its promise to an audience: only `brief` has a customer version. */
export function checkAudience(template: LoadedTemplate, audience: Audience): void {
  const b = template.builtIn;
  if (b && !b.audiences.includes(audience)) {
    const fits = builtInNames.filter((n) =>
      (BUILT_IN_TEMPLATES[n].audiences as readonly Audience[]).includes(audience),
    );
    throw new InputError(
      'TEMPLATE_AUDIENCE',
      template.file,
      `is not written for --audience ${audience}; use --template ${fits.join(' or ')}`,
    );
  }
}
