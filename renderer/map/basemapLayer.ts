import MVT from 'ol/format/MVT.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import XYZ from 'ol/source/XYZ.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import type { BasemapInfo } from '../../shared/map/basemap.ts';

const TOKEN_KEY = 'resilience-console.token';

/**
 * The tile address template for a base map, served by this console's own host (never a remote
 * origin, so the CSP stays 'self'): `/tiles/{id}/{z}/{x}/{y}`, with the access token in the
 * browser console; under Electron the app:// handler serves the same path.
 */
export function tileTemplate(id: string): string {
  const base = `${window.location.origin}/tiles/${encodeURIComponent(id)}/{z}/{x}/{y}`;
  if (window.resilienceConsole) return base;
  return `${base}?token=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}`;
}

/** A plain built-in style for vector base maps: water blue, land and roads in muted greys. */
const vectorStyles = {
  water: new Style({ fill: new Fill({ color: '#0d2a47' }), stroke: new Stroke({ color: '#1d4a78', width: 1 }) }),
  road: new Style({ stroke: new Stroke({ color: '#4b5d73', width: 1.2 }) }),
  building: new Style({ fill: new Fill({ color: '#1a2533' }) }),
  other: new Style({ fill: new Fill({ color: 'rgba(40, 58, 80, 0.6)' }), stroke: new Stroke({ color: '#2f4560', width: 0.8 }) }),
};

function vectorStyle(feature: { get(key: string): unknown }): Style {
  const layer = String(feature.get('layer') ?? '');
  if (/water|ocean|river|lake/.test(layer)) return vectorStyles.water;
  if (/road|transport|street|highway/.test(layer)) return vectorStyles.road;
  if (/building/.test(layer)) return vectorStyles.building;
  return vectorStyles.other;
}

/** The layer for a base map: raster tiles through an XYZ source, vector tiles through MVT. Drawn under everything. */
export function createBasemapLayer(info: BasemapInfo): TileLayer<XYZ> | VectorTileLayer {
  const url = tileTemplate(info.id);
  if (info.type === 'vector') {
    return new VectorTileLayer({
      source: new VectorTileSource({ format: new MVT(), url, minZoom: info.minZoom, maxZoom: info.maxZoom }),
      style: vectorStyle,
      zIndex: -1,
      properties: { id: 'basemap', basemap: info.id },
    });
  }
  return new TileLayer({
    // Beyond the set's deepest zoom the last tiles are scaled up rather than left blank.
    source: new XYZ({ url, minZoom: info.minZoom, maxZoom: info.maxZoom, crossOrigin: null }),
    zIndex: -1,
    properties: { id: 'basemap', basemap: info.id },
  });
}
