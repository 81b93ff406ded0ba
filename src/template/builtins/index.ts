import { brief } from './brief.js';
import { evidence } from './evidence.js';
import { full } from './full.js';
import { sre } from './sre.js';
import type { BuiltInTemplate } from './template.js';

export { PARTS } from './parts.js';
export type { BuiltInTemplate } from './template.js';

/** The built-in templates by name. */
export const BUILT_IN_TEMPLATES = { sre, full, evidence, brief } as const satisfies Record<
  string,
  BuiltInTemplate
>;
export type BuiltInName = keyof typeof BUILT_IN_TEMPLATES;
export const builtInNames = Object.keys(BUILT_IN_TEMPLATES) as BuiltInName[];

export const isBuiltIn = (name: string): name is BuiltInName => Object.hasOwn(BUILT_IN_TEMPLATES, name);
