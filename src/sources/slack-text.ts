// Slack stores message text in its own markup (`<@U123>`, `<#C1|name>`, `<url|label>`, `&lt;`);
// the timeline wants what a reader saw in the client.

export interface SlackNames {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
}

/**
 * Message text as the client shows it: mentions resolved to names, links to their labels.
 * @example slackText('<@U1> rolled back <https://ci/1|build 1>', names) // '@dana rolled back build 1'
 */
export function slackText(text: string, names: SlackNames): string {
  return text
    .replace(
      /<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g,
      (_, id: string, label?: string) => `@${names.user(id) ?? label ?? id}`,
    )
    .replace(
      /<#(C[A-Z0-9]+)(?:\|([^>]*))?>/g,
      (_, id: string, label?: string) => `#${label || names.channel(id) || id}`,
    )
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]+))?>/g, (_, label?: string) => label ?? '@group')
    .replace(/<!date\^\d+\^[^|>]*\|([^>]+)>/g, '$1')
    .replace(/<((?:https?|mailto|ftp):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto|ftp):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
