/**
 * Longitudes of hazard tracks.
 *
 * Stored positions are plain WGS84, longitude normalised to −180..180 (GeoJSON's convention), so
 * every consumer (distance checks, exports, other nodes) reads them without knowing where they
 * came from. A track that crosses the date line (CMA counts on past 180°E: 2439 is 243.9°E, that
 * is 116.1°W) is therefore stored with a jump from about +180 to about −180 between two fixes;
 * whoever draws a line through the fixes unwraps them first (`unwrapLongitudes`), so the line
 * goes the short way across the Pacific instead of across the whole world.
 */

/** A longitude in degrees east, any number of turns, as −180..180 (180 stays 180). */
export function normaliseLongitude(lon: number): number {
  if (lon >= -180 && lon <= 180) return lon;
  const turned = ((((lon + 180) % 360) + 360) % 360) - 180;
  return turned === -180 && lon > 0 ? 180 : turned;
}

/**
 * A CMA longitude in tenths of a degree east (0–3600, counting on past 1800 east of the date line)
 * as degrees in −180..180, computed in whole tenths so 2439 gives exactly −116.1.
 */
export function longitudeFromEastTenths(tenths: number): number {
  return (tenths > 1800 ? tenths - 3600 : tenths) / 10;
}

/**
 * The longitudes of a line's vertices made continuous: each differs from the one before by at most
 * 180°, adding or taking a whole turn where the stored values jump across the date line. The first
 * is placed within 180° of `near` (the region the map shows), so a western-Pacific track lies next
 * to East Asia rather than a world away.
 */
export function unwrapLongitudes(lons: readonly number[], near = 0): number[] {
  const out: number[] = [];
  for (const lon of lons) {
    const reference = out.length === 0 ? near : out[out.length - 1]!;
    out.push(lon + 360 * Math.round((reference - lon) / 360));
  }
  return out;
}

/** A position as a person reads it: `30.0°N 116.1°W`, one decimal, hemispheres by letter. */
export function formatPosition(lat: number, lon: number): string {
  const east = normaliseLongitude(lon);
  const latText = `${Math.abs(lat).toFixed(1)}°${lat < 0 ? 'S' : 'N'}`;
  const lonText = `${Math.abs(east).toFixed(1)}°${east < 0 ? 'W' : 'E'}`;
  return `${latText} ${lonText}`;
}
