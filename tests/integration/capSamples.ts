import fs from 'node:fs';
import path from 'node:path';
import { decodeXmlBytes } from '../../shared/cap/capBytes.ts';
import { alertIdFor } from '../../shared/cap/capFields.ts';
import { Alert } from '../../shared/domain/alert.ts';

/** The shared CAP corpus (Google's CAP library samples) and the official schemas. */
export const CAP_SAMPLES_DIR = path.resolve(import.meta.dirname, '../../../shared/data/cap-samples/google-cap-library');
export const CAP12_XSD = path.resolve(import.meta.dirname, '../../../shared/data/cap-schema/cap12.xsd');

/** A sample file's text, decoded as the console decodes a file (one sample is ISO-8859-1). */
export function readSample(file: string): string {
  return decodeXmlBytes(fs.readFileSync(path.join(CAP_SAMPLES_DIR, file)));
}

/** What each sample must give: alerts imported (with their events), or the element and rule named in the refusal. */
export const EXPECTED: Record<string, { imports: string[]; notes?: number } | { refused: string }> = {
  '43b080713727.cap': { imports: ['Homeland Security Advisory System Update'] },
  'KAR0-0306112239-SW.cap': { imports: ['Child Abduction'] },
  'amber.atom': { imports: ['Child Abduction'] },
  'amber.rss': { imports: [], notes: 1 },
  'australia.cap': { imports: ['Fire'] },
  'bushfire.edxlde': { imports: ['Other', 'Grassfire', 'Grassfire', 'Grassfire', 'Grassfire', 'Grassfire', 'Fire'] },
  'bushfire_invalid.edxlde': { refused: 'EDXLDistribution.contentObject[2].xmlContent.embeddedXMLContent.alert.identifier: is required and missing' },
  'bushfire_valid.edxlde': { imports: ['Other', 'Grassfire', 'Grassfire', 'Grassfire', 'Grassfire', 'Grassfire', 'Fire'] },
  'canada.cap': { imports: ['thunderstorm'] },
  'canada_errors.cap': { refused: 'alert.references: is empty' },
  'canada_signed.atom': { imports: ['snowfall'], notes: 1 },
  'canada_signed.cap': { imports: ['snowfall'], notes: 1 },
  'earthquake-iso8859-1.cap': { imports: ['Earthquake'], notes: 1 },
  'earthquake.atom': { imports: ['Earthquake'] },
  'earthquake.cap': { imports: ['Earthquake'] },
  'earthquake_index.atom': { imports: [], notes: 1 },
  'earthquake_signed.cap': { imports: ['Earthquake'], notes: 1 },
  'empty_weather_index.atom': { refused: 'feed: has no entries' },
  'invalid.cap': { refused: 'alert.scope: is required and missing' },
  'invalid.rss': { refused: 'rss.channel.title: is required and missing' },
  'invalid_element.atom': { refused: 'feed.foo: is not an Atom feed element' },
  'no_entries.atom': { refused: 'feed: has no entries' },
  'no_id.atom': { refused: 'feed.id: is required and missing' },
  'no_link.atom': { refused: 'feed.entry[1]: has neither a CAP message in its content nor a link to one' },
  'no_optional_fields.cap': { imports: ['(no info)'] },
  'no_title.atom': { refused: 'feed.entry[1].title: is required and missing' },
  'noaa_errors.cap': { refused: 'alert.references: is empty' },
  'ny_index.rss': { imports: [], notes: 2 },
  'thunderstorm.cap': { imports: ['SEVERE THUNDERSTORM'] },
  'wcatwc-warning.cap': { imports: ['Tsunami Warning'] },
  'weather.atom': { imports: ['Flash Flood Watch'] },
  'weather.cap': { imports: ['Flash Flood Watch'] },
  'weather_index.atom': { imports: [], notes: 2 },
  'weather_invalid.atom': { refused: "feed.entry[1].content.alert.identifier: 'INVALID,' contains a space, comma" },
  'xee.atom': { refused: 'document: contains a DOCTYPE declaration' },
  'xee.cap': { refused: 'document: contains a DOCTYPE declaration' },
};

/** The largest realistic composed alert: two languages, a 100-point polygon, street codes, a reference. */
export function largestRealisticAlert(): Alert {
  // An irregular outline (a coastline-like wobble from a fixed pseudo-random sequence), 4 decimals (~10 m):
  // a smooth ellipse would compress far better than a real drawn area.
  let seed = 20260914;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const ring: [number, number][] = Array.from({ length: 99 }, (_, index) => {
    const angle = (index / 99) * 2 * Math.PI;
    const wobble = 0.85 + 0.3 * next();
    return [Number((121.47 + 0.2 * wobble * Math.cos(angle)).toFixed(4)), Number((31.23 + 0.15 * wobble * Math.sin(angle)).toFixed(4))];
  });
  ring.push(ring[0]!);
  const identifier = '310000000000-20260914080000-typhoon';
  return Alert.parse({
    id: alertIdFor('shanghai-city-emergency-command-centre', identifier), identifier,
    sender: 'shanghai-city-emergency-command-centre', sent: '2026-09-14T00:00:00.000Z',
    status: 'Exercise', msgType: 'Update', scope: 'Public', event: '台风', severity: 'Severe', urgency: 'Immediate', certainty: 'Likely',
    languages: ['zh-CN', 'en'], groups: ['public', 'schools', 'construction-sites'],
    channels: ['cellBroadcast', 'sms', 'tvRadio', 'outdoorScreens', 'newMedia', 'emergencyBroadcast'],
    categories: ['Met'], responseTypes: ['Shelter', 'Evacuate'],
    effective: '2026-09-14T00:00:00.000Z', onset: '2026-09-14T02:00:00.000Z', expires: '2026-09-15T00:00:00.000Z',
    references: [{ sender: 'shanghai-city-emergency-command-centre', identifier: '310000000000-20260913200000-typhoon', sent: '2026-09-13T12:00:00.000Z' }],
    texts: [
      { language: 'zh-CN', headline: '上海市台风橙色预警', description: '今年第14号台风将于今天夜里影响本市，沿海风力可达10至12级。', instruction: '沿海低洼地区人员转移；学校停课；工地停工。', web: 'https://example.invalid/alerts', contact: '12345' },
      { language: 'en', headline: 'Orange typhoon warning for Shanghai', event: 'Typhoon', description: 'Typhoon No. 14 reaches the city tonight; winds force 10 to 12 on the coast.', instruction: 'Leave low-lying coastal areas; schools and building sites close.' },
    ],
    areas: [
      { description: '浦东新区沿海街镇', codes: ['310115000000', '310115004000'], polygon: ring },
      { description: '长江口', codes: [], circles: [{ lon: 121.9, lat: 31.4, radiusKm: 25 }] },
    ],
    exercise: true,
  });
}

