import { describe, expect, it } from 'vitest';
import { closedElements, isHtmlMarkup } from './html-markup.js';

describe('raw HTML or words in angle brackets', () => {
  it('takes elements, comments and custom elements as markup', () => {
    for (const html of [
      '<br>',
      '<br/>',
      '</div>',
      '<details open>',
      '<img src="a.png" alt="x">',
      '<!-- note -->',
      '<my-widget>',
    ])
      expect(isHtmlMarkup(html)).toBe(true);
  });

  it('takes a template slot that Markdown parses as a tag for words, even when it starts with an element name', () => {
    for (const slot of ['<fill in>', '<Team name>', '<link to PR>', '<time of detection>'])
      expect(isHtmlMarkup(slot)).toBe(false);
  });

  it('takes an element the document closes as markup, whatever bare words follow its name', () => {
    // python-discord/infra (MIT): MkDocs' md_in_html reads Markdown inside "<details markdown>".
    const closed = closedElements(['<details markdown>', '<summary>', '</summary>', '</details>']);
    expect(isHtmlMarkup('<details markdown>', closed)).toBe(true);
    expect(isHtmlMarkup('<details markdown>')).toBe(false);
    // Never closed, words that open with an element's name stay a slot.
    expect(isHtmlMarkup('<link to PR>', closed)).toBe(false);
    expect(isHtmlMarkup('<time of detection>', closedElements(['</details>']))).toBe(false);
  });
});
