import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DataDirOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * Where the library lives by default: `$HINDSIGHT_DB` if set, else `$XDG_DATA_HOME/hindsight/library.db`, else
 * `~/.local/share/hindsight`, `~/Library/Application Support/hindsight` on macOS, `%APPDATA%\hindsight` on Windows.
 */
export function defaultDbPath({
  env = process.env,
  platform = process.platform,
  home = homedir(),
}: DataDirOptions = {}): string {
  if (env.HINDSIGHT_DB?.trim()) return env.HINDSIGHT_DB;
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? env.APPDATA ?? join(home, 'AppData', 'Local'), 'hindsight', 'library.db');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'hindsight', 'library.db');
  const base = env.XDG_DATA_HOME?.trim() ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(base, 'hindsight', 'library.db');
}
