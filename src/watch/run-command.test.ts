import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from './run-command.js';

/** Running, not a zombie: a container's first process may never reap orphans. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('running a deploy or rollback command', () => {
  it('records the exit status, duration and output of a command that succeeds', async () => {
    const r = await runCommand('echo switching to 1.0.0; echo done >&2', { timeoutMs: 5000 });
    expect(r).toMatchObject({ exitCode: 0, timedOut: false, interrupted: false });
    expect(r.output).toBe('switching to 1.0.0\ndone\n');
  });

  it('records the exit status of a command that fails', async () => {
    const r = await runCommand('echo cannot reach registry; exit 7', { timeoutMs: 5000 });
    expect(r).toMatchObject({ exitCode: 7, timedOut: false, output: 'cannot reach registry\n' });
  });

  it('stops a hanging command and everything it started when the timeout passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-run-'));
    const pidFile = join(dir, 'child.pid');
    const started = Date.now();
    const r = await runCommand(`sleep 30 & echo $! > ${pidFile}; echo waiting; wait`, {
      timeoutMs: 300,
      graceMs: 200,
    });
    expect(r).toMatchObject({ exitCode: null, timedOut: true });
    expect(r.output).toBe('waiting\n');
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('kills a command that ignores SIGTERM after the grace period', async () => {
    const r = await runCommand("trap '' TERM; sleep 30", { timeoutMs: 200, graceMs: 200 });
    expect(r.timedOut).toBe(true);
    expect(r.durationMs).toBeLessThan(3000);
  });

  it('is done when the command returns, even if it left a service running in the background', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-run-'));
    const pidFile = join(dir, 'service.pid');
    const r = await runCommand(`(sleep 30; echo late) & echo $! > ${pidFile}; echo started`, {
      timeoutMs: 5000,
    });
    expect(r).toMatchObject({ exitCode: 0, timedOut: false });
    expect(r.durationMs).toBeLessThan(2000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(pid)).toBe(true);
    execFileSync('kill', [String(pid)]);
  });

  it('stops the command when the watch is stopped', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const r = await runCommand('sleep 30', { timeoutMs: 10_000, signal: controller.signal });
    expect(r).toMatchObject({ interrupted: true, timedOut: false, exitCode: null });
  });

  it('keeps only the end of a long output', async () => {
    const r = await runCommand('seq 1 20000', { timeoutMs: 5000, keepChars: 100 });
    expect(r.output.length).toBe(100);
    expect(r.output.endsWith('19999\n20000\n')).toBe(true);
  });
});
