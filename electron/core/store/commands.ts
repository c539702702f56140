import type Database from 'better-sqlite3';
import type { Allocation } from '../../../shared/domain/allocation.ts';
import type { ConsoleErrorShape } from '../../../shared/ipc/errors.ts';
import { planAdvance, type AdvanceCommand } from '../../../shared/resources/allocationRules.ts';
import type { ChangeEvent } from '../../../shared/sync/op.ts';
import type { LocalWriter } from './localWriter.ts';
import { advanceState } from './repos/allocationRepo.ts';

/** What a command may use: the database and this node's writer, both owned by the store thread. */
export interface CommandContext {
  db: Database.Database;
  writer: LocalWriter;
}

/** A command's answer: its value, or a refusal for the caller to raise as a ConsoleError. */
export type CommandOutcome<T> = { ok: true; value: T } | { ok: false; error: ConsoleErrorShape };

interface Ran<T> { outcome: CommandOutcome<T>; changes: ChangeEvent[] }

/**
 * Every write that guards an invariant (a balance, a forward-only status), by name. Each runs
 * in the store thread inside one IMMEDIATE transaction that reads what it checks and writes
 * what it decides, one command at a time: no other write can slip between the check and the
 * write, from this console or from sync.
 */
export const COMMANDS = {
  'allocations.advance': (context: CommandContext, command: AdvanceCommand): Ran<Allocation> => {
    const plan = planAdvance(command, advanceState(context.db, command));
    if (!plan.ok) return { outcome: plan, changes: [] };
    const { changes } = context.writer.write(plan.drafts);
    return { outcome: { ok: true, value: plan.next }, changes };
  },
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandArgs<N extends CommandName> = Parameters<(typeof COMMANDS)[N]>[1];
export type CommandValue<N extends CommandName> = ReturnType<(typeof COMMANDS)[N]> extends Ran<infer T> ? T : never;

/** Runs one named command in its own IMMEDIATE transaction (called by the store worker). */
export function runCommand(context: CommandContext, name: string, args: unknown): { result: CommandOutcome<unknown>; changes: ChangeEvent[] } {
  if (!Object.hasOwn(COMMANDS, name)) throw new Error(`unknown store command ${name}`);
  const command = COMMANDS[name as CommandName] as (context: CommandContext, args: unknown) => Ran<unknown>;
  const ran = context.db.transaction(() => command(context, args)).immediate();
  return { result: ran.outcome, changes: ran.changes };
}
