import fs from 'node:fs';
import path from 'node:path';

/** The shared CAP corpus (Google's CAP library samples) and the official schemas. */
export const CAP_SAMPLES_DIR = path.resolve(import.meta.dirname, '../../../shared/data/cap-samples/google-cap-library');
export const CAP12_XSD = path.resolve(import.meta.dirname, '../../../shared/data/cap-schema/cap12.xsd');

/** A sample file's text, decoded by the encoding its XML declaration names (one sample is ISO-8859-1). */
export function readSample(file: string): string {
  const bytes = fs.readFileSync(path.join(CAP_SAMPLES_DIR, file));
  return /encoding\s*=\s*['"]iso-8859-1['"]/i.test(bytes.subarray(0, 120).toString('latin1')) ? bytes.toString('latin1') : bytes.toString('utf8');
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
  'canada_signed.atom': { imports: ['snowfall'] },
  'canada_signed.cap': { imports: ['snowfall'] },
  'earthquake-iso8859-1.cap': { imports: ['Earthquake'] },
  'earthquake.atom': { imports: ['Earthquake'] },
  'earthquake.cap': { imports: ['Earthquake'] },
  'earthquake_index.atom': { imports: [], notes: 1 },
  'earthquake_signed.cap': { imports: ['Earthquake'] },
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
