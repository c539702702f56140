import Database from 'better-sqlite3';

export interface CachedTile {
  data: Buffer;
  contentType: string;
  fetchedAt: number;
}

/**
 * The online-tile cache: its own SQLite file (`tilecache.sqlite`), not the replicated store,
 * since tiles are this machine's copy of someone else's data. Least recently used tiles go
 * first once the total passes the cap. Also keeps the administrator's source setting.
 */
export class TileCacheDb {
  private readonly db: Database.Database;
  private total: number;
  private readonly getTile: Database.Statement<[string, number, number, number], { data: Buffer; content_type: string; fetched_at: number }>;
  private readonly touch: Database.Statement<[number, string, number, number, number]>;
  private readonly putTile: Database.Statement;
  private readonly oldest: Database.Statement<[], { source: string; z: number; x: number; y: number; size: number }>;
  private readonly remove: Database.Statement<[string, number, number, number]>;
  private readonly sizeOf: Database.Statement<[string, number, number, number], { size: number }>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS tiles (
        source TEXT NOT NULL, z INTEGER NOT NULL, x INTEGER NOT NULL, y INTEGER NOT NULL,
        data BLOB NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL,
        fetched_at INTEGER NOT NULL, accessed_at INTEGER NOT NULL,
        PRIMARY KEY (source, z, x, y)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS tiles_accessed ON tiles(accessed_at);
      CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    `);
    this.total = (this.db.prepare('SELECT coalesce(sum(size), 0) AS total FROM tiles').get() as { total: number }).total;
    this.getTile = this.db.prepare('SELECT data, content_type, fetched_at FROM tiles WHERE source = ? AND z = ? AND x = ? AND y = ?');
    this.touch = this.db.prepare('UPDATE tiles SET accessed_at = ? WHERE source = ? AND z = ? AND x = ? AND y = ?');
    this.putTile = this.db.prepare(`INSERT INTO tiles (source, z, x, y, data, content_type, size, fetched_at, accessed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, z, x, y) DO UPDATE SET data = excluded.data,
      content_type = excluded.content_type, size = excluded.size, fetched_at = excluded.fetched_at, accessed_at = excluded.accessed_at`);
    this.oldest = this.db.prepare('SELECT source, z, x, y, size FROM tiles ORDER BY accessed_at LIMIT 64');
    this.remove = this.db.prepare('DELETE FROM tiles WHERE source = ? AND z = ? AND x = ? AND y = ?');
    this.sizeOf = this.db.prepare('SELECT size FROM tiles WHERE source = ? AND z = ? AND x = ? AND y = ?');
  }

  /** A cached tile, marked as used now (for LRU). */
  get(source: string, z: number, x: number, y: number, now = Date.now()): CachedTile | null {
    const row = this.getTile.get(source, z, x, y);
    if (!row) return null;
    this.touch.run(now, source, z, x, y);
    return { data: row.data, contentType: row.content_type, fetchedAt: row.fetched_at };
  }

  /** Stores a tile, then evicts least recently used tiles until the total is within `capBytes`. */
  put(source: string, z: number, x: number, y: number, data: Buffer, contentType: string, capBytes: number, now = Date.now()): void {
    this.db.transaction(() => {
      const previous = this.sizeOf.get(source, z, x, y)?.size ?? 0;
      this.putTile.run(source, z, x, y, data, contentType, data.length, now, now);
      this.total += data.length - previous;
      this.evict(capBytes);
    })();
  }

  /** Evicts least recently used tiles until the cache holds at most `capBytes`. */
  evict(capBytes: number): void {
    while (this.total > capBytes) {
      const victims = this.oldest.all();
      if (victims.length === 0) break;
      for (const victim of victims) {
        if (this.total <= capBytes) break;
        this.remove.run(victim.source, victim.z, victim.x, victim.y);
        this.total -= victim.size;
      }
    }
  }

  stats(): { bytes: number; tiles: number } {
    const row = this.db.prepare('SELECT coalesce(sum(size), 0) AS bytes, count(*) AS tiles FROM tiles').get() as { bytes: number; tiles: number };
    return row;
  }

  setting(name: string): string | null {
    return (this.db.prepare('SELECT value FROM settings WHERE name = ?').get(name) as { value: string } | undefined)?.value ?? null;
  }

  setSetting(name: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM settings WHERE name = ?').run(name);
    else this.db.prepare('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  close(): void {
    this.db.close();
  }
}
