import type Database from 'better-sqlite3';
import type { CommandNode } from '../../../../shared/domain/commandNode.ts';
import { matchesPlace } from '../../../../shared/formats/placeNames.ts';

const parse = (rows: { body: string }[]): CommandNode[] => rows.map((row) => JSON.parse(row.body) as CommandNode);

/** Every live command node, city first, then by code. */
export function listCommandNodes(db: Database.Database): CommandNode[] {
  return parse(db.prepare('SELECT body FROM command_nodes WHERE live = 1 ORDER BY key').all() as { body: string }[]);
}

/**
 * Nodes whose code, Chinese or English name, pinyin or pinyin initials match the query, by code
 * (so "Nanjing", "nanjing dong lu" and "njdl" all find 南京东路街道). The network has a few hundred
 * nodes, so matching in memory is cheaper than keeping pinyin columns in step.
 */
export function searchCommandNodes(db: Database.Database, query: string, limit: number): CommandNode[] {
  return listCommandNodes(db).filter((node) => matchesPlace(query, node)).slice(0, limit);
}
