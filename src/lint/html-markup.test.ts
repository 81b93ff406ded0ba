import { describe, expect, it } from 'vitest';
import { isHtmlMarkup } from './html-markup.js';

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
});
