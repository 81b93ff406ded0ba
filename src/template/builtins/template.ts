import type { Audience } from '../../report/index.js';

/** A built-in template: its Liquid source, the sections it promises, and who it is written for. */
export interface BuiltInTemplate {
  name: string;
  description: string;
  /** The `##` sections every document it renders has (what `lint --template NAME` requires). */
  sections: string[];
  /** The sections of its customer version, where it has one. */
  customerSections?: string[];
  audiences: readonly Audience[];
  source: string;
}
