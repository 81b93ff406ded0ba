import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { breaksDownPlan } from './parts-of-plan.js';

const paragraph = (text: string) => fromMarkdown(text).children[0] ?? null;

// After scaleapi/llm-engine (Apache-2.0), and made-up counter-examples.
describe('a paragraph that plans one piece of work and introduces its breakdown', () => {
  it('reads the list after a planned piece of work as its parts', () => {
    expect(
      breaksDownPlan(
        paragraph(
          'Add a `scale-deploy-staging` namespace in ml-serving-new. The namespace is the only missing layer. Estimated ~3–4 days:',
        ),
      ),
    ).toBe(true);
  });

  it('does not read a lead-in, a deliberation or a sentence that does not end in a colon so', () => {
    for (const text of [
      'We will make the following changes. They are listed by priority:',
      'Consider a staging namespace. Its parts would be:',
      'Add a staging namespace. It takes three days.',
      'Add a staging namespace:',
    ])
      expect(breaksDownPlan(paragraph(text)), text).toBe(false);
  });
});
