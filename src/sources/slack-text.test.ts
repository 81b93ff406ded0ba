import { describe, expect, it } from 'vitest';
import { slackText } from './slack-text.js';

const names = {
  user: (id: string) => ({ U0BMQB6JE: 'hfaran' })[id],
  channel: (id: string) => ({ C0JGLMMNX: 'enrique' })[id],
};

describe('slackText', () => {
  it('resolves user and channel mentions to names', () => {
    expect(slackText('<@U0BMQB6JE> see <#C0JGLMMNX> and <#C0JL6CGQ2|traveling-sailor>', names)).toBe(
      '@hfaran see #enrique and #traveling-sailor',
    );
  });

  it('keeps an unknown user id visible rather than dropping it', () => {
    expect(slackText('ping <@U999>', names)).toBe('ping @U999');
  });

  it('shows links by their label and unescapes the HTML entities Slack stores', () => {
    const text =
      "Here's an example: <https://github.com/hfaran/progressive|progressive> &amp; p99 &gt; 2s <!here>";
    expect(slackText(text, names)).toBe("Here's an example: progressive & p99 > 2s @here");
  });
});
