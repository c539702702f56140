import type Database from 'better-sqlite3';
import type { CommandNode } from '../../../../shared/domain/commandNode.ts';

const parse = (rows: { body: string }[]): CommandNode[] => rows.map((row) => JSON.parse(row.body) as CommandNode);

/** Every live command node, city first, then by code. */
export function listCommandNodes(db: Database.Database): CommandNode[] {
  return parse(db.prepare('SELECT body FROM command_nodes WHERE live = 1 ORDER BY key').all() as { body: string }[]);
}

/** Nodes whose name (Chinese or English) or code contains the query, by code. */
export function searchCommandNodes(db: Database.Database, query: string, limit: number): CommandNode[] {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return parse(db.prepare(`SELECT body FROM command_nodes WHERE live = 1 AND (
      key LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR json_extract(body, '$.nameEn') LIKE ? ESCAPE '\\')
    ORDER BY key LIMIT ?`).all(like, like, like, limit) as { body: string }[]);
}
