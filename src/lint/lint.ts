import { z } from 'zod';
import { InputError } from '../errors.js';
import { BUILT_IN_TEMPLATES, isBuiltIn } from '../template/index.js';
import { readHumanTimeline } from './human-timeline.js';
import { parsePostmortem } from './parse.js';
import { readBounded } from './read-bounded.js';
import { DEFAULT_REQUIRED, type RequiredSection, requiredFromTemplate } from './required-set.js';
import { LintFinding, type LintRule } from './rule.js';
import { lintRuleList } from './rules/index.js';
import { sectionKind } from './sections.js';

export const LintResult = z.object({
  file: z.string(),
  score: z.number().int().min(0).max(100),
  findings: z.array(LintFinding),
});
export type LintResult = z.infer<typeof LintResult>;

export interface LintOptions {
  /** Sections the document must have; defaults to summary, impact, timeline, root cause, action items. */
  required?: RequiredSection[];
  rules?: LintRule[];
}

/** 100 minus what each rule's findings cost, each rule capped so one kind of problem cannot sink the score. */
export function scoreOf(findings: LintFinding[], rules: LintRule[] = lintRuleList): number {
  const lost = rules.reduce((sum, rule) => {
    const n = findings.filter((f) => f.rule === rule.id).length;
    return sum + Math.min(rule.cost.max, n * rule.cost.each);
  }, 0);
  return Math.max(0, 100 - lost);
}

/**
 * Reviews a human-written postmortem.
 * @example (await lintText('# Outage\n', 'pm.md')).findings[0].rule // 'required-sections'
 */
export async function lintText(
  text: string,
  file: string,
  { required = DEFAULT_REQUIRED, rules = lintRuleList }: LintOptions = {},
): Promise<LintResult> {
  const doc = parsePostmortem(text, file);
  const timeline = await readHumanTimeline(doc);
  const findings = rules
    .flatMap((rule) => rule.check({ doc, timeline, required }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { file, score: scoreOf(findings, rules), findings };
}

async function readText(path: string): Promise<string> {
  try {
    return await readBounded(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      'LINT_UNREADABLE',
      path,
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder; pass the postmortem files'
          : `cannot read it (${code ?? error})`,
    );
  }
}

/**
 * `--template NAME|PATH`: a built-in template's sections (`sre`, `full`, `evidence`, `brief`, the
 * same names `generate --template` takes), else a template file's headings.
 */
export async function requiredFromTemplateName(nameOrPath: string): Promise<RequiredSection[]> {
  if (isBuiltIn(nameOrPath))
    return BUILT_IN_TEMPLATES[nameOrPath].sections.map((title) => ({ title, kind: sectionKind(title) }));
  return requiredFromTemplateFile(nameOrPath);
}

/** Reads a template file's headings as the required set (`--template PATH`). */
export async function requiredFromTemplateFile(path: string): Promise<RequiredSection[]> {
  const required = requiredFromTemplate(parsePostmortem(await readText(path), path));
  if (!required.length)
    throw new InputError(
      'LINT_TEMPLATE_EMPTY',
      path,
      'the template has no headings to require; give it ## headings',
    );
  return required;
}

export async function lintFile(path: string, options: LintOptions = {}): Promise<LintResult> {
  return lintText(await readText(path), path, options);
}
