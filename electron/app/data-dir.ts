/** Where Keyfleet keeps its data: --data-dir, else KEYFLEET_DATA_DIR, else the OS user-data folder. */
import os from 'node:os';
import path from 'node:path';

const APP_NAME = 'Keyfleet';

/** The folder Electron's app.getPath('userData') gives for this app, computed without Electron. */
export function osUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function resolveDataDir(
  cliDataDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback: () => string = () => osUserDataDir(process.platform, env),
): string {
  if (cliDataDir) return path.resolve(cliDataDir);
  if (env.KEYFLEET_DATA_DIR) return path.resolve(env.KEYFLEET_DATA_DIR);
  return fallback();
}
