import { z } from 'zod';
import { LonLat } from '../domain/common.ts';
import { AreaPurpose } from '../domain/namedArea.ts';

/** A base map the console can draw under its layers: an MBTiles file on this machine, or the cached online source. */
export interface BasemapInfo {
  /** Used in the tile address `/tiles/{id}/{z}/{x}/{y}`; `online` is the cached online source. */
  id: string;
  name: string;
  kind: 'mbtiles' | 'online';
  /** raster: png/jpg/webp images; vector: Mapbox Vector Tiles (pbf). */
  type: 'raster' | 'vector';
  format: 'png' | 'jpg' | 'webp' | 'pbf';
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north in degrees, when the source says. */
  bounds: [number, number, number, number] | null;
  attribution: string | null;
}

export interface OnlineSourceInfo {
  urlTemplate: string | null;
  capMb: number;
  /** Bytes of tiles in the cache now, and how many. */
  cachedBytes: number;
  cachedTiles: number;
}

export interface BoundaryImportResult {
  fileName: string;
  crs: 'wgs84' | 'gcj02';
  imported: number;
  byLevel: { city: number; district: number; street: number };
  codes: string[];
}

const TEXT_LIMIT = 20 * 1024 * 1024;

/** A region pack as the UI reads it: GeoJSON text and the datum its coordinates are in (never guessed). */
export const BoundaryImport = z.object({
  fileName: z.string().trim().min(1).max(260),
  text: z.string().min(1, 'the file is empty').max(TEXT_LIMIT, 'the file is larger than 20 MB'),
  crs: z.enum(['wgs84', 'gcj02']),
}).strict();

/** Registers an MBTiles file on this machine (the console copies it into its data folder). */
export const BasemapAdd = z.object({
  /** A path on the machine running the core; the set's id is the file name's stem. */
  path: z.string().trim().min(1).max(1000),
}).strict();

/** An administrator's online XYZ source: `https://…/{z}/{x}/{y}.png`, or null to turn it off. */
export const OnlineSourceSet = z.object({
  urlTemplate: z.string().trim().max(500).regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) address')
    .refine((value) => ['{z}', '{x}', '{y}'].every((part) => value.includes(part)), 'must contain {z}, {x} and {y}').nullable(),
  capMb: z.number().int().min(1).max(100_000).default(512),
}).strict();

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A drawn area to keep: a polygon ring (closed or not), or a circle by centre and radius. */
export const AreaSave = z.object({
  name: z.string().trim().min(1, 'give the area a name').max(120),
  shape: z.enum(['polygon', 'circle']),
  ring: z.array(Position).min(3).max(5000).optional(),
  circle: z.object({ center: LonLat, radiusM: z.number().positive().max(500_000) }).optional(),
  purpose: AreaPurpose.optional(),
  exercise: z.boolean().default(false),
}).strict().refine((value) => (value.shape === 'polygon' ? value.ring !== undefined : value.circle !== undefined),
  'a polygon needs its ring, a circle its centre and radius');

export const TILE_ROUTE_PREFIX = '/tiles/';
export const ONLINE_BASEMAP_ID = 'online';
