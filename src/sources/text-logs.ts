import type { Input } from '../bundle/index.js';
import { headerLines, isComposeLog, mineInto, mostly, sampleLines, timestampReader } from '../logs/index.js';
import type { Source } from '../model/index.js';

function detect(input: Input): boolean {
  if (input.isDirectory) return false;
  const stamps = timestampReader();
  // A log stamp has seconds and is followed by text, not by a CSV or pipe-separated cell: a comma
  // may follow when a space and a word come next (`2016-09-28 04:30:30, Info  CBS …`), a pipe when
  // a word and then free text do (`20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579`).
  const stamped = (line: string) => {
    if (Number.isNaN(stamps.read(line)) || !stamps.seconds) return false;
    const end = stamps.end;
    const next = line.charCodeAt(end);
    if (next === 44) {
      const word = line.charCodeAt(end + 2) | 32;
      return line.charCodeAt(end + 1) === 32 && word >= 97 && word <= 122;
    }
    if (next === 124) {
      const word = line.charCodeAt(end + 1) | 32;
      return word >= 97 && word <= 122 && line.indexOf(' ', end) > 0;
    }
    return line.length > end + 1;
  };
  // Stack traces and wrapped lines carry no stamp, but a log's first line does; or a few header
  // lines come first, and then most lines carry one.
  const lines = sampleLines(input.sample);
  if (isComposeLog(lines)) return true;
  const header = headerLines(lines, stamped);
  return header === 0 ? mostly(lines, stamped, { share: 0.3 }) : header > 0 && mostly(lines, stamped);
}

/** Containers' logs as `docker compose logs` writes them are read behind their `service |` prefix. */
const readText = mineInto('text');
const readCompose = mineInto('compose');

/**
 * Plain-text logs with timestamps: Java/Python logging, syslog (RFC 3164, and RFC 5424 or RFC 3164
 * after a `<PRI>`, whose severity is the level), nginx/Apache access and error logs, Redis, and the
 * shapes of HDFS, Spark, Android, Windows CBS, Proxifier, OpenStack, BGL, Thunderbird and HPC. A few
 * header lines before the first record are skipped with their line numbers. `docker compose logs`
 * output is read line by line behind its `service |` prefix, each container's line as JSON, logfmt
 * or text, the service named by the prefix.
 */
export const textLogs: Source = {
  name: 'text-logs',
  aliases: ['syslog', 'nginx', 'apache', 'text', 'log4j', 'python-logging', 'docker-compose'],
  title:
    'Plain-text logs with timestamps: syslog, Java/Python logging, nginx/Apache, HDFS, Spark, Android, docker compose logs and more (mined into templates)',
  example: 'cp /var/log/nginx/error.log /var/log/syslog logs/; docker compose logs -t > logs/compose.log',
  detect,
  read: (input, ctx) => (isComposeLog(sampleLines(input.sample)) ? readCompose : readText)(input, ctx),
};
