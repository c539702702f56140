import { z } from 'zod';
import { AdminCode, RecordId } from './common.ts';

/**
 * Live positions: the latest value per moving entity (team, vehicle…), coalesced and kept
 * outside the op log's history (sync priority P3). They travel in a columnar wire format —
 * parallel arrays, one entry per entity — because 5,000 updates a second as JSON objects
 * would spend more time on keys than on numbers.
 */

/** Kinds of moving things, by index: the wire carries the index, not the word. */
export const POSITION_KINDS = ['team', 'vehicle', 'vessel', 'aircraft', 'person'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/** Most positions in one report (and one pushed batch). */
export const MAX_POSITION_BATCH = 10_000;

/** One entity's position, as services and tests think of it. */
export interface Position {
  id: string;
  kind: PositionKind;
  lon: number;
  lat: number;
  /** Degrees clockwise from north, when known. */
  heading?: number;
  /** Metres per second, when known. */
  speed?: number;
  /** When the position was fixed, epoch milliseconds. */
  at: number;
  /** The administrative area reporting it, when known. */
  nodeCode?: string;
}

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
const Heading = z.number().min(0).max(360);
const Speed = z.number().min(0).max(1000);
const At = z.number().int().min(0).max(8.64e15);

/**
 * A batch of positions in columns: `ids[i]`, `kinds[i]`, `lon[i]`, `lat[i]`, `at[i]` describe
 * entity i; the optional columns use `null` where a value is unknown. All columns have the
 * same length. Used both for `positions:report` and for the `positions:batch` event.
 */
export const PositionBatch = z.object({
  ids: z.array(RecordId).min(1, 'a report needs at least one position').max(MAX_POSITION_BATCH, `at most ${MAX_POSITION_BATCH} positions per report`),
  kinds: z.array(z.number().int().min(0).max(POSITION_KINDS.length - 1, `kinds are indexes into ${POSITION_KINDS.join(', ')}`)),
  lon: z.array(Lon),
  lat: z.array(Lat),
  at: z.array(At),
  heading: z.array(Heading.nullable()).optional(),
  speed: z.array(Speed.nullable()).optional(),
  nodeCode: z.array(AdminCode.nullable()).optional(),
}).strict().superRefine((batch, context) => {
  const n = batch.ids.length;
  for (const column of ['kinds', 'lon', 'lat', 'at', 'heading', 'speed', 'nodeCode'] as const) {
    const values = batch[column];
    if (values && values.length !== n) {
      context.addIssue({ code: 'custom', path: [column], message: `has ${values.length} entries but ids has ${n}; every column needs one entry per position` });
    }
  }
});
export type PositionBatch = z.infer<typeof PositionBatch>;

/** The report call's argument: one columnar batch. */
export const PositionReport = PositionBatch;
export type PositionReport = PositionBatch;

/** What `positions:report` answers: how many positions were newer than the ones held, and how many were older and dropped. */
export interface PositionReportResult {
  accepted: number;
  stale: number;
}

/** Turns positions into the columnar wire format. */
export function toPositionBatch(positions: readonly Position[]): PositionBatch {
  const batch: PositionBatch = { ids: [], kinds: [], lon: [], lat: [], at: [] };
  const withHeading = positions.some((p) => p.heading !== undefined);
  const withSpeed = positions.some((p) => p.speed !== undefined);
  const withNode = positions.some((p) => p.nodeCode !== undefined);
  if (withHeading) batch.heading = [];
  if (withSpeed) batch.speed = [];
  if (withNode) batch.nodeCode = [];
  for (const p of positions) {
    batch.ids.push(p.id);
    batch.kinds.push(POSITION_KINDS.indexOf(p.kind));
    batch.lon.push(p.lon);
    batch.lat.push(p.lat);
    batch.at.push(p.at);
    batch.heading?.push(p.heading ?? null);
    batch.speed?.push(p.speed ?? null);
    batch.nodeCode?.push(p.nodeCode ?? null);
  }
  return batch;
}

/** The positions of a columnar batch, one object each. */
export function fromPositionBatch(batch: PositionBatch): Position[] {
  return batch.ids.map((id, i) => {
    const position: Position = { id, kind: POSITION_KINDS[batch.kinds[i]!] ?? 'team', lon: batch.lon[i]!, lat: batch.lat[i]!, at: batch.at[i]! };
    const heading = batch.heading?.[i];
    const speed = batch.speed?.[i];
    const nodeCode = batch.nodeCode?.[i];
    if (heading !== undefined && heading !== null) position.heading = heading;
    if (speed !== undefined && speed !== null) position.speed = speed;
    if (nodeCode !== undefined && nodeCode !== null) position.nodeCode = nodeCode;
    return position;
  });
}
