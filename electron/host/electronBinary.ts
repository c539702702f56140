import fs from 'node:fs';
import path from 'node:path';

/**
 * The installed Electron executable, or null when it is absent, found the way the `electron`
 * package does (node_modules/electron/path.txt names the file under dist/, or under
 * ELECTRON_OVERRIDE_DIST_PATH) but without its fallback: `require('electron')` downloads the
 * binary when missing, which fails on a closed network.
 */
export function electronBinaryPath(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  let executable: string | undefined;
  try {
    executable = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim() || undefined;
  } catch {
    executable = undefined;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  let candidate: string;
  if (override) candidate = path.join(override, executable ?? 'electron');
  else if (executable) candidate = path.join(packageDir, 'dist', executable);
  else return null;
  try {
    return fs.statSync(candidate).isFile() ? candidate : null;
  } catch {
    return null;
  }
}
