import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { scopeFilterSql, visibleTo } from '../../../shared/sync/scope.ts';

const CITY = '310000000000';
const HUANGPU = '310101000000';
const XUHUI = '310104000000';
const STREET_HP = '310101002000';
const STREET_HP2 = '310101013000';
const STREET_XH = '310104003000';

describe('scope rules in SQL', () => {
  it('gives the same answer in SQL as in code, for every pair of a small tree', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (scope TEXT)');
    const scopes = ['*', CITY, HUANGPU, XUHUI, STREET_HP, STREET_HP2, STREET_XH, '320101000000'];
    for (const scope of scopes) db.prepare('INSERT INTO t VALUES (?)').run(scope);
    for (const node of [CITY, HUANGPU, XUHUI, STREET_HP, STREET_XH]) {
      const [where, params] = scopeFilterSql(node);
      const inSql = (db.prepare(`SELECT scope FROM t WHERE ${where}`).all(...params) as { scope: string }[]).map((r) => r.scope).sort();
      expect(inSql).toEqual(scopes.filter((scope) => visibleTo(node, scope)).sort());
    }
  });
});
