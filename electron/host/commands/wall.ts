import type { WallLayout } from '../../../shared/domain/wallLayout.ts';
import type { WallWindow } from '../../../shared/ipc/contracts/wall.ts';
import { cellName } from '../../../shared/wall/hall.ts';
import type { Output } from './command.ts';
import { type Command } from './command.ts';

const SUBCOMMANDS = ['windows', 'presets', 'current', 'switch'] as const;

class HallControlError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** One hall-control request (see hallControl.ts), its JSON answer or the service's own reason. */
async function request(base: string, token: string, method: 'GET' | 'POST', path: string, hall: string | undefined, body?: unknown): Promise<unknown> {
  const url = new URL(`/hall/v1/${path}`, base);
  if (hall) url.searchParams.set('hall', hall);
  let response: Response;
  try {
    response = await fetch(url, {
      method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new HallControlError('DISCONNECTED', `cannot reach the console at ${url.origin}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  const answer = await response.json().catch(() => null) as { error?: { code: string; message: string } } | null;
  if (!response.ok) throw new HallControlError(answer?.error?.code ?? `HTTP_${response.status}`, answer?.error?.message ?? `the console answered HTTP ${response.status}`);
  return answer;
}

/** `wall windows|presets|current|switch PRESET`: the hall's wall from the command line, through hall control. */
export const wallCommand: Command = {
  summary: 'the hall\'s video wall through hall control: list its windows (address and cell), its presets, the current one, or switch',
  usage: 'resilience-console wall windows|presets|current|switch [PRESET] --console URL --token T [--hall ID] [--reason TEXT] [--json]',
  options: {
    console: { type: 'string', default: 'http://127.0.0.1:5170' },
    token: { type: 'string' },
    hall: { type: 'string' },
    reason: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  positionals: ['SUBCOMMAND', 'PRESET'],
  async run(values, out: Output, positionals) {
    const [sub, preset, ...extra] = positionals;
    if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub) || extra.length > 0 || (sub === 'switch') !== (preset !== undefined)) {
      out.error('INVALID_ARGUMENT', `expected "wall windows", "wall presets", "wall current" or "wall switch PRESET", got "wall ${positionals.join(' ')}"`);
      return 2;
    }
    const token = typeof values.token === 'string' ? values.token : process.env.RC_TOKEN;
    if (!token) {
      out.error('INVALID_ARGUMENT', 'give the console\'s access token with --token T (or RC_TOKEN)');
      return 2;
    }
    const base = String(values.console);
    const hall = typeof values.hall === 'string' ? values.hall : undefined;
    try {
      if (sub === 'windows') {
        const windows = await request(base, token, 'GET', 'windows', hall) as WallWindow[];
        const withToken = windows.map((window) => ({ ...window, address: `${window.address}&token=${encodeURIComponent(token)}` }));
        if (out.json) for (const window of withToken) out.event('window', { ...window }, '');
        else for (const window of withToken) process.stdout.write(`${window.display}  ${(window.cell ?? '—').padEnd(6)} ${(window.panel ?? 'unassigned').padEnd(18)} ${window.address}\n`);
        return 0;
      }
      if (sub === 'presets') {
        const answer = await request(base, token, 'GET', 'presets', hall) as { presets: WallLayout[]; currentId: string | null };
        for (const item of answer.presets) {
          const cells = (item.cells ?? []).map((cell) => ({ cell: cellName(cell), route: cell.route }));
          out.event('preset', { id: item.id, name: item.name, nameEn: item.nameEn ?? null, mode: item.mode, current: item.id === answer.currentId, cells },
            `${item.id === answer.currentId ? '*' : ' '} ${item.name}${item.nameEn ? ` (${item.nameEn})` : ''}  ${item.id}  ${cells.map((cell) => `${cell.cell}=${cell.route}`).join('  ')}`);
        }
        return 0;
      }
      if (sub === 'current') {
        const answer = await request(base, token, 'GET', 'current', hall) as { preset: { id: string; name: string } | null; at?: string; by?: string; reason?: string };
        out.event('current', answer as Record<string, unknown>, answer.preset ? `${answer.preset.name}  (${answer.preset.id})${answer.at ? `, switched ${answer.at} by ${answer.by}` : ''}${answer.reason ? `: ${answer.reason}` : ''}` : 'no preset');
        return 0;
      }
      const answer = await request(base, token, 'POST', 'switch', hall, { preset, ...(typeof values.reason === 'string' ? { reason: values.reason } : {}) }) as { current: { presetId: string; at: string }; preset: WallLayout };
      out.event('switched', { presetId: answer.preset.id, name: answer.preset.name, at: answer.current.at }, `The wall now shows ${answer.preset.name} (${answer.preset.id}).`);
      return 0;
    } catch (error) {
      if (!(error instanceof HallControlError)) throw error;
      out.error(error.code, error.message);
      return error.code === 'DISCONNECTED' ? 3 : 2;
    }
  },
};
