import type http from 'node:http';
import { isIP } from 'node:net';
import type { z } from 'zod';
import { PresetSave, WallSwitch } from '../../shared/ipc/contracts/wall.ts';
import { ConsoleError, type ConsoleErrorCode } from '../../shared/ipc/errors.ts';
import type { Caller } from '../../shared/ipc/roles.ts';
import { auditActor } from '../core/users/callGate.ts';
import type { ConsoleCore } from '../core/consoleCore.ts';
import { savePreset, switchPreset, wallState, wallWindows } from '../core/services/wallService.ts';

/**
 * Hall control: the HTTP protocol a hall's control panel (or `resilience-console wall`) uses to
 * list presets, read the current one and switch. Loopback or the hall LAN only, with the
 * console's access token as `Authorization: Bearer T`; a wrong token is refused and audited.
 * Routes (all JSON; `?hall=ID` picks a hall, the city hall by default):
 *   GET  /hall/v1/presets   the hall, its displays and presets, and the current preset
 *   GET  /hall/v1/current   the preset on the wall now, who switched it, when and why
 *   GET  /hall/v1/windows   every wall window: display, cell, panel and address
 *   POST /hall/v1/switch    {"preset": "台风应急" | id | English name, "reason"?: "…"}
 *   POST /hall/v1/presets   a preset to save (checked against the hall: unknown panels and displays are refused with the reason)
 */
export const HALL_CONTROL_PREFIX = '/hall/v1/';
const MAX_BODY_BYTES = 64 * 1024;

const STATUS: Partial<Record<ConsoleErrorCode, number>> = { INVALID_ARGUMENT: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** Loopback, or a private (RFC 1918, unique-local, link-local) address: a hall LAN, never the internet. */
export function isHallAddress(address: string | undefined): boolean {
  if (!address) return false;
  const bare = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(bare) === 4) {
    const [a = 0, b = 0] = bare.split('.').map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  const lower = bare.toLowerCase();
  return lower === '::1' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80:');
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify(body));
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: 'the request body is larger than 64 KB' });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: 'the request body is not JSON' });
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ') });
  }
  return result.data;
}

/**
 * Answers a hall-control request and returns true, or returns false when the path is not one of
 * its routes. `hostServer.ts` calls it first for every HTTP request.
 */
/**
 * `signIn` turns a bearer token into the console's user (as the browser console's does); the hall
 * control protocol changes what a whole hall sees, so it is an administrator's.
 */
export function handleHallControl(core: ConsoleCore, signIn: (token: string) => Caller | null, request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(HALL_CONTROL_PREFIX)) return false;
  const peer = request.socket.remoteAddress;
  const actor = `hall control ${peer ?? '?'}`;
  void (async () => {
    try {
      if (!isHallAddress(peer)) {
        await core.store.audit(actor, 'hall control refused', { reason: 'not loopback or the hall LAN', path: url.pathname });
        throw new ConsoleError({ code: 'FORBIDDEN', message: 'hall control answers only loopback and the hall LAN' });
      }
      const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      const caller = signIn(given);
      if (!caller) {
        await core.store.audit(actor, 'hall control refused', { reason: given ? 'wrong token' : 'no token', path: url.pathname });
        send(response, 401, { error: { code: 'UNAUTHORIZED', message: 'missing or wrong access token (Authorization: Bearer TOKEN)' } });
        return;
      }
      if (caller.role !== 'admin') {
        await core.store.audit(auditActor(caller, actor), 'hall control refused', { reason: `role ${caller.role}`, path: url.pathname });
        throw new ConsoleError({ code: 'FORBIDDEN', message: 'hall control needs an administrator\'s token' });
      }
      const hallId = url.searchParams.get('hall') ?? undefined;
      const route = `${request.method} ${url.pathname.slice(HALL_CONTROL_PREFIX.length)}`;
      switch (route) {
        case 'GET presets': {
          const state = await wallState(core.store, hallId);
          send(response, 200, { hall: state.hall, presets: state.presets, currentId: state.currentId });
          return;
        }
        case 'GET current': {
          const state = await wallState(core.store, hallId);
          const preset = state.presets.find((candidate) => candidate.id === state.currentId);
          send(response, 200, { preset: preset ? { id: preset.id, name: preset.name, nameEn: preset.nameEn ?? null } : null, ...(state.hall.current ?? {}), proposal: state.hall.proposal ?? null });
          return;
        }
        case 'GET windows': {
          const origin = `http://${request.headers.host ?? 'localhost'}`;
          const windows = await wallWindows(core.store, hallId);
          send(response, 200, windows.map((window) => ({ ...window, address: `${origin}${window.address}` })));
          return;
        }
        case 'POST switch': {
          const args = parse(WallSwitch.omit({ hallId: true }), await readJson(request));
          const state = await switchPreset(core.store, { ...args, ...(hallId ? { hallId } : {}), by: auditActor(caller, actor) });
          send(response, 200, { current: state.hall.current, preset: state.presets.find((preset) => preset.id === state.currentId) });
          return;
        }
        case 'POST presets': {
          const args = parse(PresetSave.omit({ hallId: true }), await readJson(request));
          send(response, 200, await savePreset(core.store, { ...args, ...(hallId ? { hallId } : {}) }));
          return;
        }
        default:
          send(response, 404, { error: { code: 'NOT_FOUND', message: `no hall control route ${request.method} ${url.pathname}` } });
      }
    } catch (error) {
      const shape = error instanceof ConsoleError ? error.toShape() : { code: 'INTERNAL' as const, message: error instanceof Error ? error.message : String(error) };
      if (shape.code === 'INVALID_ARGUMENT' || shape.code === 'CONFLICT') void core.store.audit(actor, 'hall control refused', { path: url.pathname, message: shape.message.slice(0, 500) });
      if (!response.headersSent) send(response, STATUS[shape.code] ?? 500, { error: shape });
    }
  })();
  return true;
}
