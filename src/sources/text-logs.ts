import type { Input } from '../bundle/index.js';
import { mineInto, mostly, sampleLines, timestampReader } from '../logs/index.js';
import type { Source } from './source.js';

const SECONDS = /\d{2}:\d{2}:\d{2}|^\[?\d{10}/;

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const stamps = timestampReader();
  // A log stamp has seconds and is followed by text, not by a CSV comma or a Markdown cell.
  const stamped = (line: string) => {
    if (Number.isNaN(stamps.read(line))) return false;
    const end = stamps.end;
    const next = line.charCodeAt(end);
    return SECONDS.test(line.slice(0, end)) && next !== 44 && next !== 124 && line.length > end + 1;
  };
  // Stack traces and wrapped lines carry no stamp, but a log's first line does.
  const lines = sampleLines(input.sample);
  return lines.length > 0 && stamped(lines[0]) && mostly(lines, stamped, { share: 0.3 });
}

/** Plain-text logs with timestamps: Java/Python logging, syslog, nginx/Apache access and error logs. */
export const textLogs: Source = {
  name: 'text-logs',
  aliases: ['syslog', 'nginx', 'apache', 'text', 'log4j', 'python-logging'],
  title: 'Plain-text logs with timestamps: syslog, Java/Python logging, nginx/Apache (mined into templates)',
  example: 'cp /var/log/nginx/error.log /var/log/syslog logs/',
  detect,
  read: mineInto('text'),
};
