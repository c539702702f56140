import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The browser console's access token, kept in the data folder so a restarted service keeps every open tab working. */
export const ACCESS_TOKEN_FILE = 'access-token';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

function tokenPath(dataDir: string): string {
  return path.join(dataDir, ACCESS_TOKEN_FILE);
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Writes the token readable only by its owner (0600), replacing any old file in one rename. */
function writeToken(dataDir: string, token: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const target = tokenPath(dataDir);
  const partial = `${target}.${process.pid}.partial`;
  fs.writeFileSync(partial, `${token}\n`, { mode: 0o600, flag: 'w' });
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target);
}

/** The token in the file, or null when the file is absent or does not hold a token. */
export function readAccessToken(dataDir: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(tokenPath(dataDir), 'utf8').trim();
  } catch {
    return null;
  }
  return TOKEN_PATTERN.test(text) ? text : null;
}

/**
 * The data folder's access token, created on first use. A file others can read is tightened to
 * 0600 rather than trusted as it was; a damaged one is replaced.
 */
export function loadOrCreateAccessToken(dataDir: string): string {
  const existing = readAccessToken(dataDir);
  if (existing) {
    const file = tokenPath(dataDir);
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return existing;
  }
  const token = newToken();
  writeToken(dataDir, token);
  return token;
}

/** Replaces the token: every open console must then be opened again with the new address. */
export function rotateAccessToken(dataDir: string): string {
  const token = newToken();
  writeToken(dataDir, token);
  return token;
}

/**
 * The token as a running service checks it: re-read when the file changes (by its modification
 * time), so `token --rotate` takes effect without a restart.
 */
export function watchAccessToken(dataDir: string): () => string {
  let token = loadOrCreateAccessToken(dataDir);
  let stamp = fs.statSync(tokenPath(dataDir)).mtimeMs;
  return () => {
    try {
      const now = fs.statSync(tokenPath(dataDir)).mtimeMs;
      if (now !== stamp) {
        token = readAccessToken(dataDir) ?? token;
        stamp = now;
      }
    } catch {
      // The file went away: keep answering with the token we have rather than lock everyone out.
    }
    return token;
  };
}
