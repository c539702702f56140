import { HazardTrack } from '../../../shared/domain/hazardTrack.ts';
import { parseCmaBestTrack, summariseStorm, TrackFormatError, type Storm, type StormSummary } from '../../../shared/hazard/cmaBestTrack.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { ImportFileError, importRefusal } from '../../../shared/formats/importFileError.ts';
import { parseTrackGeoJson } from '../map/trackGeoJson.ts';
import type { Store } from '../store/storeClient.ts';

/** A file name as messages and records show it: control characters become "?". */
const printable = (fileName: string) => fileName.replace(/[\p{Cc}\p{Cf}]/gu, '?');

/** The record a best-track storm becomes: one per storm and year, so a re-import replaces it. */
export function trackFromStorm(storm: Storm, fileName: string, id = cmaTrackId(storm)): HazardTrack {
  const summary = summariseStorm(storm);
  return HazardTrack.parse({
    id,
    kind: 'tropicalCyclone',
    number: summary.number,
    name: summary.name,
    source: `CMA best track (${fileName})`.slice(0, 200),
    points: storm.points.map(({ otherWindMs: _otherWind, ...point }) => point),
  });
}

/** `cma-{year of first fix}-{China's number, else the international one, else s{serial}}[-sub{n}]`. */
export function cmaTrackId(storm: Storm): string {
  const year = storm.points[0]!.time.slice(0, 4);
  const number = storm.chineseId ?? storm.internationalId ?? `s${storm.serial}`;
  return `cma-${year}-${number}${storm.subCentre === null ? '' : `-sub${storm.subCentre}`}`;
}

/**
 * Ids for a file's storms. Two storms of one file that would share an id (the same number given
 * twice) both keep their points: the later one is told apart by its serial, never overwritten.
 */
function cmaTrackIds(storms: readonly Storm[]): string[] {
  const seen = new Set<string>();
  return storms.map((storm) => {
    let id = cmaTrackId(storm);
    if (seen.has(id)) id = `${id}-s${storm.serial}`;
    for (let n = 2; seen.has(id); n += 1) id = `${cmaTrackId(storm)}-s${storm.serial}-${n}`;
    seen.add(id);
    return id;
  });
}

/**
 * Imports a CMA best-track file whole or not at all: every storm is parsed and checked first,
 * then all are written in one transaction. A broken file names its line and stores nothing.
 */
export async function importCmaTracks(store: Store, givenName: string, text: string): Promise<StormSummary[]> {
  const fileName = printable(givenName);
  let storms: Storm[];
  try {
    storms = parseCmaBestTrack(text);
  } catch (error) {
    if (error instanceof TrackFormatError) {
      throw new ConsoleError({
        code: 'INVALID_ARGUMENT',
        message: `${fileName} 不是可用的 CMA 最佳路径文件（${error.zh}），未导入任何数据。 / `
          + `${fileName} is not a usable CMA best-track file (${error.en}); nothing was imported.`,
      });
    }
    throw error;
  }
  const ids = cmaTrackIds(storms);
  const tracks = storms.map((storm, index) => trackFromStorm(storm, fileName, ids[index]));
  await store.write(tracks.map((track) => ({ entity: 'hazardTrack', key: track.id, kind: 'upsert', body: track, scope: '*' })));
  return storms.map(summariseStorm);
}

/**
 * Imports GeoJSON tracks (format in map/trackGeoJson.ts) whole or not at all, like the CMA import.
 * Keyed `geojson-{year}-{storm}`, so a re-import of the same file replaces its storms.
 */
export async function importGeoJsonTracks(store: Store, givenName: string, text: string): Promise<StormSummary[]> {
  const fileName = printable(givenName);
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
