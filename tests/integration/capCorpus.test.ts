import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapDocument } from '../../shared/cap/capDocument.ts';
import { CapError } from '../../shared/cap/capError.ts';
import { writeCap12 } from '../../shared/cap/capWrite.ts';
import { CAP12_XSD, CAP_SAMPLES_DIR, EXPECTED, largestRealisticAlert, readSample } from './capSamples.ts';

const XMLLINT = spawnSync('xmllint', ['--version']).status === 0;

function validatesAgainstCap12(xml: string): { ok: boolean; output: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rc-cap-')), 'alert.xml');
  fs.writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', CAP12_XSD, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stderr };
}

describe('the shared CAP corpus', () => {
  const files = fs.readdirSync(CAP_SAMPLES_DIR).filter((file) => file !== 'LICENSE').sort();

  it('has an expected outcome for every sample file', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of Object.keys(EXPECTED)) {
    const expected = EXPECTED[file]!;
    it(`${file}: ${'refused' in expected ? `refused (${expected.refused})` : `${expected.imports.length} alerts`}`, () => {
      const text = readSample(file);
      if ('refused' in expected) {
        let error: unknown;
        try { readCapDocument(text); } catch (caught) { error = caught; }
        expect(error).toBeInstanceOf(CapError);
        expect((error as CapError).message).toContain(expected.refused);
        // Both languages, for the duty officer.
        expect((error as CapError).bilingual()).toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      const document = readCapDocument(text);
      expect(document.alerts.map((alert) => alert.event)).toEqual(expected.imports);
      expect(document.notes).toHaveLength(expected.notes ?? 0);
      // Notes say what was left out: a link not fetched, or a signature not verified.
      for (const note of document.notes) expect(note.en).toMatch(/^links to a CAP message, not fetched \(https?:\/\/|^is (an|\d) XML signatures?, not verified/);
    });
  }
});

describe('round trip', () => {
  it('compose → CAP 1.2 XML → import gives the same alert: two languages, a 100-point polygon, a circle, codes, a reference', () => {
    const alert = largestRealisticAlert();
    const xml = writeCap12(alert);
    expect(xml).toContain('<sent>2026-09-14T08:00:00+08:00</sent>');
    expect(xml).toContain('<valueName>CPEAS Geographic Code</valueName>');
    expect(xml.match(/<info>/g)).toHaveLength(2);
    expect(readCapDocument(xml).alerts).toEqual([alert]);
  });

});

describe.skipIf(!XMLLINT)('CAP 1.2 export against the official schema (xmllint)', () => {
  it('every alert imported from the corpus exports as CAP 1.2 that validates, and reads back the same', () => {
    let exported = 0;
    for (const [file, expected] of Object.entries(EXPECTED)) {
      if ('refused' in expected) continue;
      for (const alert of readCapDocument(readSample(file)).alerts) {
        const xml = writeCap12(alert);
        const result = validatesAgainstCap12(xml);
        expect(result.ok, `${file} ${alert.identifier}: ${result.output}`).toBe(true);
        expect(readCapDocument(xml).alerts).toEqual([alert]);
        exported += 1;
      }
    }
    expect(exported).toBe(30);
  });

  it('the largest realistic composed alert validates', () => {
    const result = validatesAgainstCap12(writeCap12(largestRealisticAlert()));
    expect(result.ok, result.output).toBe(true);
  });

  it('a message the schema refuses is refused by xmllint too (the check can fail)', () => {
    const broken = writeCap12(readCapDocument(readSample('weather.cap')).alerts[0]!).replace('<status>Actual</status>', '<status>Real</status>');
    expect(validatesAgainstCap12(broken).ok).toBe(false);
  });
});

if (!XMLLINT) {
  console.warn('capCorpus: xmllint is not installed (Debian package libxml2-utils); the CAP 1.2 schema checks were skipped.');
} else {
  console.log(execFileSync('xmllint', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0] ?? '');
}
