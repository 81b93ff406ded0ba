import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number | null;
  durationMs: number;
  /** Everything the command printed (stdout and stderr interleaved), its last `keepChars` only. */
  output: string;
  timedOut: boolean;
  /** Stopped because the watch itself was stopped (Ctrl-C). */
  interrupted: boolean;
}

export interface RunOptions {
  timeoutMs: number;
  /** Time between SIGTERM and SIGKILL when the command must be stopped. */
  graceMs?: number;
  keepChars?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a shell command in its own process group; on timeout (or `signal`) the whole group is
 * stopped, so a hung script cannot leave children behind. Resolves when the command exits, not
 * when its output closes: a deploy that starts a service in the background is done when it returns.
 * @example await runCommand('./rollback.sh', { timeoutMs: 60_000 })
 */
export function runCommand(
  command: string,
  { timeoutMs, graceMs = 1000, keepChars = 8000, signal, env = process.env }: RunOptions,
): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let output = '';
    let recording = true;
    let timedOut = false;
    let interrupted = false;
    const child = spawn('sh', ['-c', command], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    const keep = (chunk: Buffer) => {
      if (!recording) return;
      output = (output + chunk.toString('utf8')).slice(-keepChars);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const stopGroup = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // Already gone.
      }
    };
    let killer: NodeJS.Timeout | undefined;
    const stop = () => {
      stopGroup('SIGTERM');
      killer = setTimeout(() => stopGroup('SIGKILL'), graceMs);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    const onAbort = () => {
      interrupted = true;
      stop();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    let done = false;
    const finish = (exitCode: number | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(killer);
      signal?.removeEventListener('abort', onAbort);
      // Output of what the command left running is not the command's: stop recording, keep draining.
      recording = false;
      for (const s of [child.stdout, child.stderr]) (s as unknown as { unref?: () => void }).unref?.();
      resolve({ exitCode, durationMs: Date.now() - started, output, timedOut, interrupted });
    };
    child.on('error', (error) => {
      output += `\n${error.message}`;
      finish(null);
    });
    // Its output closes with it, unless it left something running: then give the pipes a moment.
    child.on('exit', (code) => {
      child.on('close', () => finish(code));
      setTimeout(() => finish(code), 100);
    });
  });
}
