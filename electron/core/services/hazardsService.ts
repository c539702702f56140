import { HazardTrack } from '../../../shared/domain/hazardTrack.ts';
import { parseCmaBestTrack, summariseStorm, TrackFormatError, type Storm, type StormSummary } from '../../../shared/hazard/cmaBestTrack.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { ImportFileError, importRefusal } from '../../../shared/formats/importFileError.ts';
import { parseTrackGeoJson } from '../map/trackGeoJson.ts';
import type { Store } from '../store/storeClient.ts';

/** The record a best-track storm becomes: one per storm and year, so a re-import replaces it. */
export function trackFromStorm(storm: Storm, fileName: string): HazardTrack {
  const summary = summariseStorm(storm);
  const year = storm.points[0]!.time.slice(0, 4);
  return HazardTrack.parse({
    id: `cma-${year}-${storm.chineseId ?? storm.internationalId ?? `s${storm.serial}`}`,
    kind: 'tropicalCyclone',
    number: summary.number,
    name: summary.name,
    source: `CMA best track (${fileName})`,
    points: storm.points,
  });
}

/**
 * Imports a CMA best-track file whole or not at all: every storm is parsed and checked first,
 * then all are written in one transaction. A broken file names its line and stores nothing.
 */
export async function importCmaTracks(store: Store, fileName: string, text: string): Promise<StormSummary[]> {
  let storms: Storm[];
  try {
    storms = parseCmaBestTrack(text);
  } catch (error) {
    if (error instanceof TrackFormatError) {
      throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `${fileName} is not a usable CMA best-track file (${error.message}); nothing was imported.` });
    }
    throw error;
  }
  const tracks = storms.map((storm) => trackFromStorm(storm, fileName));
  await store.write(tracks.map((track) => ({ entity: 'hazardTrack', key: track.id, kind: 'upsert', body: track, scope: '*' })));
  return storms.map(summariseStorm);
}

/**
 * Imports GeoJSON tracks (format in map/trackGeoJson.ts) whole or not at all, like the CMA import.
 * Keyed `geojson-{year}-{storm}`, so a re-import of the same file replaces its storms.
 */
export async function importGeoJsonTracks(store: Store, fileName: string, text: string): Promise<StormSummary[]> {
  let storms: Storm[];
  try {
    storms = parseTrackGeoJson(text);
  } catch (error) {
    if (error instanceof ImportFileError) throw importRefusal(fileName, error);
    throw error;
  }
  const tracks = storms.map((storm) => {
    const summary = summariseStorm(storm);
    return HazardTrack.parse({
      id: `geojson-${storm.points[0]!.time.slice(0, 4)}-${storm.chineseId}`,
      kind: 'tropicalCyclone',
      number: summary.number,
      name: summary.name,
      source: `GeoJSON track (${fileName})`.slice(0, 200),
      points: storm.points,
    });
  });
  await store.write(tracks.map((track) => ({ entity: 'hazardTrack', key: track.id, kind: 'upsert', body: track, scope: '*' })));
  return storms.map(summariseStorm);
}
