import path from 'node:path';
import { expect } from 'vitest';

/** Our own CAP messages modelled on real national formats (see tests/fixtures/cap-world/README.md). */
export const CAP_WORLD_DIR = path.resolve(import.meta.dirname, '../fixtures/cap-world');

/** Matches a polygon ring of this many [lon, lat] points (the coordinates are checked elsewhere). */
const polygon = (points: number) => ({
  asymmetricMatch: (actual: unknown) => Array.isArray(actual) && actual.length === points && actual.every((point) => Array.isArray(point) && point.length === 2),
  toString: () => `a ring of ${points} points`,
});

/**
 * What each fixture gives a duty officer: the alert as imported (matched partially), notes on what
 * was left out, or the element and rule the refusal names.
 */
export const WORLD: Record<string, { alert: Record<string, unknown>; notes?: RegExp[] } | { refused: string }> = {
  'us-nws-severe-thunderstorm-update.cap': {
    alert: {
      event: 'Severe Thunderstorm Warning', severity: 'Severe', urgency: 'Immediate', certainty: 'Observed', msgType: 'Update', languages: ['en-US'],
      sender: 'w-nws.webmaster@noaa.gov', sent: '2026-05-14T22:32:00.000Z', responseTypes: ['Shelter'],
      references: [
        { sender: 'w-nws.webmaster@noaa.gov', identifier: 'urn:oid:2.49.0.1.840.0.9a1e3c5b7d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c.001.1', sent: '2026-05-14T22:05:00.000Z' },
        { sender: 'w-nws.webmaster@noaa.gov', identifier: 'urn:oid:2.49.0.1.840.0.1b3d5f7a9c2e4b6d8f0a2c4e6b8d0f1a3c5e7b9d.001.1', sent: '2026-05-14T22:18:00.000Z' },
      ],
      areas: [{ description: 'Cleveland, OK', polygon: polygon(5), geocodes: [{ valueName: 'SAME', value: '040027' }, { valueName: 'UGC', value: 'OKC027' }] }],
    },
  },
  'us-nws-winter-storm-watch-zones.cap': {
    alert: {
      event: 'Winter Storm Watch', severity: 'Severe', urgency: 'Future', certainty: 'Possible',
      areas: [{ codes: [], geocodes: [{ value: '008049' }, { value: '008057' }, { value: '008069' }, { valueName: 'UGC', value: 'COZ031' }, { valueName: 'UGC', value: 'COZ033' }] }],
    },
  },
  'us-nws-index.atom': { refused: 'no alert to import (feed.entry[1]: links to a CAP message, not fetched (https://api.weather.gov/alerts/urn:oid:' },
  'meteoalarm-be-wind-4-languages.cap': {
    alert: {
      event: 'Yellow Wind Warning', severity: 'Moderate', languages: ['en-GB', 'nl-BE', 'fr-BE', 'de-DE'],
      texts: [
        { language: 'en-GB', headline: 'Yellow warning for wind', web: 'https://www.meteo.be/en/weather/warnings' },
        { language: 'nl-BE', event: 'Geel Wind waarschuwing' }, { language: 'fr-BE', event: 'Jaune Vent avertissement', description: 'Rafales jusqu\'à 80 km/h à la côte.' },
        { language: 'de-DE', event: 'Gelb Wind Warnung', description: 'Windböen bis 80 km/h an der Küste.' },
      ],
      areas: [{ description: 'West Flanders', geocodes: [{ valueName: 'EMMA_ID', value: 'BE004' }] }],
    },
  },
  'meteoalarm-at-thunderstorm-de-en.cap': {
    alert: {
      event: 'Thunderstorms', severity: 'Severe', languages: ['en-GB', 'de-DE'], sent: '2026-07-12T12:45:00.000Z', onset: '2026-07-12T14:00:00.000Z',
      areas: [{ description: 'District Graz-Umgebung', polygon: polygon(5), geocodes: [{ valueName: 'EMMA_ID', value: 'AT006' }, { valueName: 'NUTS3', value: 'AT221' }] }],
    },
  },
  'metno-forest-fire-no-en.cap': {
    alert: {
      event: 'Forest fire danger', severity: 'Severe', languages: ['en-GB', 'no'],
      texts: [{ language: 'en-GB', headline: 'Forest fire danger, orange level, Innlandet' }, { language: 'no', event: 'Skogbrannfare', headline: 'Stor skogbrannfare, oransje nivå, Innlandet' }],
      areas: [{ description: 'Parts of Innlandet', polygon: polygon(8), geocodes: [{ valueName: 'county', value: '34' }, { valueName: 'MunicipalityId', value: expect.stringMatching(/^3401;3402;.*;4651$/) }] }],
    },
    notes: [
      /^alert\.info\[1\]\.area\[1\]\.polygon\[1\]：.* \/ alert\.info\[1\]\.area\[1\]\.polygon\[1\]: ends 61\.2210,9\.9410 where it starts 61\.2210,9\.94107 \(a rounding difference\); closed on its first point$/,
      /^alert\.info\[2\]\.area\[1\]\.polygon\[1\]：/,
    ],
  },
  'chmi-multi-hazard-cs-en.cap': {
    alert: {
      // The most severe hazard leads: smog (Severe) before frost (Moderate).
      event: 'Smog situation - PM10', severity: 'Severe', certainty: 'Observed', msgType: 'Update', languages: ['en-GB', 'cs'], responseTypes: ['Prepare', 'Avoid'],
      groups: ['public', 'fire rescue'],
      texts: [
        { language: 'en-GB', headline: 'Smog situation PM10' }, { language: 'en-GB', event: 'Severe frost', headline: 'Severe frost warning' },
        { language: 'cs', event: 'Smogová situace - PM10' }, { language: 'cs', event: 'Silný mráz', headline: 'Výstraha před silným mrazem' },
      ],
      areas: [
        { description: 'Hlavní město Praha', geocodes: [{ valueName: 'CISORP', value: '1000' }, { valueName: 'EMMA_ID', value: 'CZ01000' }] },
        { description: 'Benešov', geocodes: [{ value: '2101' }, { value: 'CZ02101' }] }, { description: 'Beroun' }, { description: 'Kladno' },
      ],
    },
  },
  'dwd-prefixed-frost.cap': {
    alert: { event: 'FROST', severity: 'Minor', languages: ['de-DE'], source: 'PVW', texts: [{ headline: 'Amtliche WARNUNG vor FROST', description: 'Es tritt leichter Frost zwischen -2 °C und -6 °C auf.' }], areas: [{ polygon: polygon(5), geocodes: [{ valueName: 'WARNCELLID', value: '815085001' }] }] },
  },
  'namespace-other-prefix-and-redeclared.cap': {
    alert: { event: 'Heavy Rain Warning', languages: ['en-US', 'ko-KR'], texts: [{ headline: 'Heavy rain warning for Seoul' }, { event: '호우경보', headline: '서울 호우경보 발효' }], areas: [{ geocodes: [{ valueName: 'KMA_AREA', value: 'L1100000' }] }] },
  },
  'cap11-legacy-tsunami.cap': { alert: { event: 'Tsunami Advisory', severity: 'Moderate', sent: '2026-03-02T11:20:00.000Z', areas: [{ circles: [{ lat: 51.1, lon: -176.6, radiusKm: 300 }] }] } },
  'cap10-legacy-hazmat.cap': {
    alert: { event: 'Chemical release', certainty: 'Likely', categories: ['Safety'], areas: [{ circles: [{ lat: 34.1, lon: -118.2, radiusKm: 1.6 }], geocodes: [{ valueName: 'FIPS6', value: '006037' }] }] },
  },
  'canada-cap-cp-rainfall.cap': {
    alert: {
      event: 'rainfall', severity: 'Moderate', languages: ['en-CA', 'fr-CA'], groups: ['general public'], texts: [{ language: 'en-CA' }, { language: 'fr-CA', event: 'pluie', headline: 'avertissement de pluie en vigueur' }],
      areas: [{ description: 'Montréal Island', polygon: polygon(5), geocodes: [{ valueName: 'layer:EC-MSC-SMC:1.0:CLC', value: '073100' }, { valueName: 'profile:CAP-CP:Location:0.3', value: '2466023' }, { valueName: 'profile:CAP-CP:Location:0.3', value: '2466007' }] }],
    },
  },
  'australia-cap-au-bushfire.cap': {
    alert: { event: 'Bushfire', severity: 'Extreme', responseTypes: ['Evacuate'], languages: ['en-AU'], texts: [{ contact: 'NSW RFS Bush Fire Information Line 1800 679 737' }], areas: [{ polygon: polygon(5), geocodes: [{ value: '17100' }] }] },
  },
  'china-cpeas-rainstorm-zh-en.cap': {
    alert: {
      event: '暴雨', severity: 'Severe', languages: ['zh-CN', 'en-US'], texts: [{ language: 'zh-CN', headline: '上海中心气象台发布暴雨橙色预警[Ⅱ级/严重]' }, { language: 'en-US', event: 'Rainstorm' }],
      areas: [{ description: '徐汇区、天平路街道、湖南路街道', codes: ['310104000000', '310104003000', '310104004000'] }],
    },
  },
  'japan-jma-heavy-rain-ja-en.cap': {
    alert: { event: 'Heavy Rain Warning', languages: ['en-US', 'ja-JP'], onset: '2026-07-03T03:00:00.000Z', expires: '2026-07-03T15:00:00.000Z', texts: [{ language: 'en-US' }, { event: '大雨警報', headline: '世田谷区に大雨警報（土砂災害、浸水害）' }] },
  },
  'philippines-pagasa-typhoon.cap': {
    alert: {
      event: 'Tropical Cyclone Wind Signal No. 3', languages: ['en-US', 'fil-PH'],
      texts: [
        { description: 'Typhoon "HENRY" maintains its strength.\nStorm-force winds of 89 to 117 km/h are expected.' },
        { language: 'fil-PH', description: 'Napanatili ng Bagyong "HENRY" ang lakas nito.' },
      ],
      areas: [{ polygon: polygon(5), geocodes: [{ valueName: 'PSGC', value: '020900000' }] }],
    },
  },
  'india-sachet-heatwave-en-hi.cap': { alert: { event: 'Heat Wave', languages: ['en-IN', 'hi-IN'], texts: [{ language: 'en-IN' }, { event: 'लू' }], areas: [{ description: 'Barmer, Jaisalmer', polygon: polygon(5) }] } },
  'encoding-utf8-bom.cap': { alert: { event: 'Aviso amarillo por temperaturas máximas', languages: ['es-ES'], areas: [{ description: 'Campiña sevillana' }] } },
  'encoding-utf16le-bom.cap': { alert: { event: '八號東北烈風或暴風信號', languages: ['zh-HK'], texts: [{ description: '颱風「樺樹」正吹襲香港，本港風力達烈風至暴風程度。' }] } },
  'encoding-utf16be-bom.cap': { alert: { identifier: 'HKO-TC8NE-20260915-2', event: '八號東北烈風或暴風信號', texts: [{ headline: '八號東北烈風或暴風信號現正生效' }] } },
  'encoding-iso-8859-1.cap': {
    alert: { event: 'Vigilance orange pluie-inondation', texts: [{ headline: 'Vigilance orange : pluie-inondation dans l\'Hérault', description: 'Épisode méditerranéen : cumuls de 150 à 200 mm, localement 250 mm à l\'échelle de l\'épisode.' }], areas: [{ description: 'Hérault' }] },
  },
  'encoding-gb2312.cap': { alert: { event: '台风', texts: [{ headline: '深圳市台风黄色预警信号' }], areas: [{ description: '深圳市', codes: ['440300000000'] }] } },
  'encoding-gbk.cap': { alert: { event: '台风', texts: [{ headline: '深圳市颱風黄色预警（堃鹏台站）' }] } },
  'encoding-unknown-ebcdic.cap': { refused: "document: declares the encoding 'EBCDIC-CP-US', which this console cannot read" },
  'quirk-polygon-whitespace.cap': { alert: { areas: [{ polygon: [[121.9, 31.2], [121.95, 31.4], [122.1, 31.35], [122.05, 31.15], [121.9, 31.2]] }] } },
  'quirk-unclosed-ring.cap': { refused: 'alert.info[1].area[1].polygon[1]: does not end where it starts; a CAP polygon must be closed' },
  'quirk-lon-lat-swapped.cap': { refused: "alert.info[1].area[1].polygon[1]: '121.90,31.20' is out of range: latitude must be within ±90" },
  'quirk-circle-radius-zero.cap': { alert: { areas: [{ circles: [{ lat: 31.1955, lon: 121.4365, radiusKm: 0 }, { lat: 31.1955, lon: 121.4365, radiusKm: 0.5 }] }] } },
  'quirk-times-mixed.cap': { alert: { sent: '2026-06-01T00:00:00.000Z', effective: '2026-06-01T00:00:00.000Z', onset: '2026-06-01T02:00:00.000Z', expires: '2026-06-02T00:00:00.000Z' } },
  'quirk-time-without-zone.cap': { refused: "alert.sent: '2026-06-01T08:00:00' is not a date and time with its zone" },
  'quirk-sent-far-future.cap': { refused: 'alert.sent: is 2099-12-31T23:59:59.000Z, more than a day after this console\'s clock' },
  'quirk-signed-foreign-elements.cap': {
    alert: { event: 'Storm', areas: [{ description: 'Signed area', geocodes: [{ valueName: 'FIPS6', value: '006037' }] }] },
    notes: [/alert\.Signature: is an XML signature, not verified: the message was read like an unsigned one$/],
  },
  'hostile-billion-laughs.cap': { refused: 'document: contains a DOCTYPE declaration' },
  'hostile-xxe-external-file.cap': { refused: 'document: contains a DOCTYPE declaration' },
  'hostile-xxe-parameter-entity.cap': { refused: 'document: contains a DOCTYPE declaration' },
  'hostile-doctype-lowercase-public.cap': { refused: 'document: contains a DOCTYPE declaration' },
  'hostile-xinclude.cap': { refused: '<xi:include>: is an XInclude instruction; CAP never uses XInclude and nothing a document points to is ever fetched' },
  'hostile-nul-bytes.cap': { refused: 'line 8: has the character U+0000 at column 24, which XML does not allow' },
  'hostile-truncated.cap': { refused: 'document: ends before 4 elements are closed (<alert> > <info> > <area> > <geoco>): the file is cut short or damaged' },
  'hostile-gzip-body.cap.gz': { refused: 'document: is a gzip-compressed file, not XML' },
  'hostile-zip-body.zip': { refused: 'document: is a ZIP-compressed file, not XML' },
};
