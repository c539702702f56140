import type { Boundary } from '../../../shared/domain/boundary.ts';

export interface Projection {
  toScreen(lon: number, lat: number): [number, number];
  toLonLat(x: number, y: number): { lon: number; lat: number };
}

/**
 * A plain equirectangular projection scaled by cos(latitude): at a city's size it is within a
 * few per cent of web mercator, and needs no map library or tiles. Either fits the boundaries
 * or centres on a frozen view (zoom as in web-mercator tiles of 256 px, as the map uses).
 */
export function sketchProjection(boundaries: readonly Boundary[], width: number, height: number, view?: { center: [number, number]; zoom: number }): Projection {
  let centerLon: number;
  let centerLat: number;
  let scale: number;
  if (view) {
    [centerLon, centerLat] = view.center;
    scale = width / ((360 / 2 ** view.zoom) * (width / 256) * 0.75);
  } else {
    let [minLon, minLat, maxLon, maxLat] = [180, 90, -180, -90];
    for (const boundary of boundaries) {
      for (const polygon of boundary.geometry.coordinates) {
        for (const [lon, lat] of polygon[0] ?? []) {
          minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
          minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
        }
      }
    }
    if (minLon > maxLon) [minLon, minLat, maxLon, maxLat] = [120.85, 30.67, 122.2, 31.88];
    centerLon = (minLon + maxLon) / 2;
    centerLat = (minLat + maxLat) / 2;
    const cos = Math.cos((centerLat * Math.PI) / 180);
    scale = Math.min((width * 0.94) / ((maxLon - minLon) * cos), (height * 0.94) / (maxLat - minLat));
  }
  const cos = Math.cos((centerLat * Math.PI) / 180);
  return {
    toScreen: (lon, lat) => [width / 2 + (lon - centerLon) * scale * cos, height / 2 - (lat - centerLat) * scale],
    toLonLat: (x, y) => ({ lon: centerLon + (x - width / 2) / (scale * cos), lat: centerLat - (y - height / 2) / scale }),
  };
}

/** SVG path data for the outer rings of a boundary. */
export function boundaryPath(boundary: Boundary, projection: Projection): string {
  return boundary.geometry.coordinates.map((polygon) => (polygon[0] ?? [])
    .map(([lon, lat], index) => {
      const [x, y] = projection.toScreen(lon, lat);
      return `${index === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    }).join('') + 'Z').join('');
}
