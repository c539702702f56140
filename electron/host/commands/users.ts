import path from 'node:path';
import { ROLES } from '../../../shared/ipc/roles.ts';
import type { UserInfo, UserWithToken } from '../../../shared/ipc/contracts/users.ts';
import { createConsoleCore } from '../../core/consoleCore.ts';
import { cliCall, common, type Command, type Output } from './command.ts';

const ROLE_WORDS = { admin: 'administrator', duty: 'duty officer', liaison: 'agency liaison', viewer: 'viewer' } as const;

function describe(user: UserInfo): string {
  return `${user.id.padEnd(14)} ${user.role.padEnd(8)} ${user.disabled ? 'disabled ' : ''}${user.name}`;
}

function printToken(out: Output, made: UserWithToken, what: string): void {
  out.event(what, { user: made.user, token: made.token },
    `${what === 'user added' ? 'Added' : 'New token for'} ${made.user.name} (${ROLE_WORDS[made.user.role]}, id ${made.user.id}).\n`
    + `Their console address ends in #token=${made.token}\nThis token is shown once; only its hash is kept.`);
}

/** `resilience-console users …`: the administrator's tool for this console's people and roles. */
export const usersCommand: Command = {
  summary: 'list, add and change this console\'s users and roles (administrator, duty officer, agency liaison, viewer); each signs in with their own token',
  usage: 'resilience-console users list|add|update|token [--data DIR] [--name NAME] [--role admin|duty|liaison|viewer] [--id ID] [--disable|--enable] [--json]',
  options: {
    ...common,
    name: { type: 'string' },
    role: { type: 'string' },
    id: { type: 'string' },
    disable: { type: 'boolean', default: false },
    enable: { type: 'boolean', default: false },
  },
  positionals: ['ACTION'],
  async run(values, out, positionals) {
    const [action] = positionals;
    if (!action || !['list', 'add', 'update', 'token'].includes(action) || positionals.length !== 1) {
      out.error('INVALID_ARGUMENT', `expected "users list", "users add --name NAME --role ROLE", "users update --id ID [--name N] [--role R] [--disable|--enable]" or "users token --id ID", got "users ${positionals.join(' ')}"`);
      return 2;
    }
    if (values.role !== undefined && !(ROLES as readonly string[]).includes(String(values.role))) {
      out.error('INVALID_ARGUMENT', `--role must be one of ${ROLES.join(', ')}, not "${String(values.role)}"`);
      return 2;
    }
    if (values.disable && values.enable) {
      out.error('INVALID_ARGUMENT', 'give --disable or --enable, not both');
      return 2;
    }
    const core = await createConsoleCore({ dataDir: path.resolve(String(values.data)), seed: false });
    try {
      const role = values.role as (typeof ROLES)[number] | undefined;
      const reply = action === 'list' ? await cliCall(core, 'users:list', {})
        : action === 'add' ? await cliCall(core, 'users:add', { name: String(values.name ?? ''), role: role ?? 'viewer' })
          : action === 'token' ? await cliCall(core, 'users:rotateToken', { id: String(values.id ?? '') })
            : await cliCall(core, 'users:update', {
              id: String(values.id ?? ''),
              ...(typeof values.name === 'string' ? { name: values.name } : {}),
              ...(role ? { role } : {}),
              ...(values.disable ? { disabled: true } : values.enable ? { disabled: false } : {}),
            });
      if (!reply.ok) {
        out.error(reply.error.code, reply.error.message);
        return 2;
      }
      if (action === 'list') {
        const users = reply.result as UserInfo[];
        if (out.json) for (const user of users) out.event('user', { ...user }, '');
        else process.stdout.write(`${users.map(describe).join('\n')}\n`);
      } else if (action === 'update') {
        const user = reply.result as UserInfo;
        out.event('user updated', { user }, `Updated: ${describe(user)}`);
      } else {
        printToken(out, reply.result as UserWithToken, action === 'add' ? 'user added' : 'token rotated');
      }
      return 0;
    } finally {
      await core.close();
    }
  },
};
