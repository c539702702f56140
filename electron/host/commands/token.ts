import path from 'node:path';
import { ACCESS_TOKEN_FILE, loadOrCreateAccessToken, rotateAccessToken } from '../accessToken.ts';
import { common, type Command } from './command.ts';

/** `token`: print the browser console's access token, or rotate it (every open tab must then use the new address). */
export const tokenCommand: Command = {
  summary: 'print the browser console\'s access token, or --rotate it so that old addresses stop working',
  usage: 'resilience-console token --data DIR [--rotate] [--json]',
  options: { ...common, rotate: { type: 'boolean', default: false } },
  async run(values, out) {
    const dataDir = path.resolve(String(values.data));
    const rotated = values.rotate === true;
    const token = rotated ? rotateAccessToken(dataDir) : loadOrCreateAccessToken(dataDir);
    const file = path.join(dataDir, ACCESS_TOKEN_FILE);
    out.event('token', { token, rotated, file }, rotated
      ? `New access token written to ${file} (readable only by you). A running service uses it at once; open consoles must be opened again with #token=${token}`
      : `Access token (${file}): ${token}`);
    return 0;
  },
};
