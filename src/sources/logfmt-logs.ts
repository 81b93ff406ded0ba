import { mineInto, mostly, sampleLines, scanLogfmt } from '../logs/index.js';
import type { Source } from '../model/index.js';

const TIME = /^(time|ts|t|timestamp)$/;
const BODY = /^(msg|message|level|lvl)$/;

const isLogfmtLine = (line: string) => {
  let time = false;
  let body = false;
  let pairs = 0;
  const ok = scanLogfmt(line, (key, value) => {
    if (!/^[\w.@-]+$/.test(key)) return;
    pairs++;
    if (TIME.test(key) && value) time = true;
    if (BODY.test(key)) body = true;
  });
  return ok && time && body && pairs >= 2;
};

/** logfmt lines (`time=… level=… msg="…"`), as Go services and Heroku write them. */
export const logfmtLogs: Source = {
  name: 'logfmt-logs',
  aliases: ['logfmt'],
  title: 'logfmt log lines: time=… level=… msg="…" (mined into templates)',
  example: 'journalctl -u api -o cat --since "2 hours ago" > logs/api.logfmt',
  detect: (input) => !input.isDirectory && mostly(sampleLines(input.sample, { limit: 20 }), isLogfmtLine),
  read: mineInto('logfmt'),
};
