import { MbtilesFile, type MbtilesMetadata, type TileFormat } from './mbtilesFile.ts';
import { TileCacheDb, type CachedTile } from './tileCacheDb.ts';

/** What the tile worker holds: open MBTiles files by path, and the online-tile cache. */
export interface TileWorkerState {
  files: Map<string, MbtilesFile>;
  cache: TileCacheDb | null;
  cacheFile: string | null;
}

function fileOf(state: TileWorkerState, file: string): MbtilesFile {
  let open = state.files.get(file);
  if (!open) {
    open = MbtilesFile.open(file);
    state.files.set(file, open);
  }
  return open;
}

function cacheOf(state: TileWorkerState): TileCacheDb {
  if (!state.cacheFile) throw new Error('the tile worker has no cache file');
  state.cache ??= new TileCacheDb(state.cacheFile);
  return state.cache;
}

/**
 * Every call the tile worker answers, in one typed table (like the store's QUERIES): the main
 * thread names a call and its argument, and the compiler checks both ends. MBTiles reads and
 * the tile cache run here, off the thread that serves the console.
 */
export const TILE_CALLS = {
  /** Opens a file as an MBTiles set (checking it) and returns its metadata; kept open for tiles. */
  'mbtiles.metadata': (state: TileWorkerState, args: { file: string }): MbtilesMetadata => fileOf(state, args.file).metadata,
  /** Checks a file without keeping it open. */
  'mbtiles.check': (_state: TileWorkerState, args: { file: string }): MbtilesMetadata => {
    const file = MbtilesFile.open(args.file);
    file.close();
    return file.metadata;
  },
  'mbtiles.tile': (state: TileWorkerState, args: { file: string; z: number; x: number; y: number }): { data: Uint8Array; format: TileFormat } | null => {
    const file = fileOf(state, args.file);
    const data = file.tileBody(args.z, args.x, args.y);
    return data ? { data, format: file.metadata.format } : null;
  },
  'mbtiles.closeAll': (state: TileWorkerState): null => {
    for (const file of state.files.values()) file.close();
    state.files.clear();
    return null;
  },
  'cache.get': (state: TileWorkerState, args: { source: string; z: number; x: number; y: number; now: number }): CachedTile | null =>
    cacheOf(state).get(args.source, args.z, args.x, args.y, args.now),
  'cache.put': (state: TileWorkerState, args: { source: string; z: number; x: number; y: number; data: Uint8Array; contentType: string; capBytes: number; now: number }): null => {
    cacheOf(state).put(args.source, args.z, args.x, args.y, Buffer.from(args.data), args.contentType, args.capBytes, args.now);
    return null;
  },
  'cache.evict': (state: TileWorkerState, args: { capBytes: number }): null => {
    cacheOf(state).evict(args.capBytes);
    return null;
  },
  'cache.stats': (state: TileWorkerState): { bytes: number; tiles: number } => cacheOf(state).stats(),
  'cache.setting': (state: TileWorkerState, args: { name: string }): string | null => cacheOf(state).setting(args.name),
  'cache.setSetting': (state: TileWorkerState, args: { name: string; value: string | null }): null => {
    cacheOf(state).setSetting(args.name, args.value);
    return null;
  },
} as const;

export type TileCallName = keyof typeof TILE_CALLS;
export type TileCallArgs<N extends TileCallName> = Parameters<(typeof TILE_CALLS)[N]>[1];
export type TileCallResult<N extends TileCallName> = ReturnType<(typeof TILE_CALLS)[N]>;

export interface TileWorkerInit {
  cacheFile: string | null;
}

export type TileWorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { kind: 'import'; zh: string; en: string } | { kind: 'other'; message: string } };
