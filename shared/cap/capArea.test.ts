import { describe, expect, it } from 'vitest';
import { AREA_LIMITS } from './capArea.ts';
import { readCapDocument } from './capDocument.ts';
import type { CapError } from './capError.ts';
import { refusalOf } from './refusalOf.ts';

const CAP12 = 'urn:oasis:names:tc:emergency:cap:1.2';
const CAP10 = 'http://www.incident.com/cap/1.0';

function message(area: string, namespace = CAP12): string {
  return `<alert xmlns="${namespace}"><identifier>a-1</identifier><sender>s</sender><sent>2026-07-01T08:00:00+08:00</sent>
<status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
<info><category>Met</category><event>Flood</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty>${area}</info></alert>`;
}
const area = (inner: string) => `<area><areaDesc>Test area</areaDesc>${inner}</area>`;
const ring = (count: number) => {
  const points = Array.from({ length: count - 1 }, (_, index) => `${(30 + Math.sin(index) / 10).toFixed(4)},${(120 + Math.cos(index) / 10).toFixed(4)}`);
  return [...points, points[0]].join(' ');
};

const refusal = (text: string): CapError => refusalOf(() => readCapDocument(text));

describe('CAP areas', () => {
  it('reads polygons split by newlines, tabs and runs of spaces', () => {
    const alert = readCapDocument(message(area('<polygon>\n\t31.0,121.0   31.1,121.0\n31.1,121.1\t\t31.0,121.0\n</polygon>'))).alerts[0]!;
    expect(alert.areas[0]!.polygon).toEqual([[121, 31], [121, 31.1], [121.1, 31.1], [121, 31]]);
  });

  it('refuses an unclosed ring and coordinates out of range, naming the polygon and the rule', () => {
    expect(refusal(message(area('<polygon>31,121 31.1,121 31.1,121.1 31.05,121.05</polygon>'))).message)
      .toBe('alert.info[1].area[1].polygon[1]: does not end where it starts; a CAP polygon must be closed');
    expect(refusal(message(area('<polygon>121,31 121.1,31 121.1,31.1 121,31</polygon>'))).message)
      .toBe("alert.info[1].area[1].polygon[1]: '121,31' is out of range: latitude must be within ±90 and longitude within ±180 (latitude comes first in CAP)");
    expect(refusal(message(area('<circle>31.2,181 5</circle>'))).message).toMatch(/^alert\.info\[1\]\.area\[1\]\.circle\[1\]: '31\.2,181' is out of range/);
    expect(refusal(message(area('<polygon>0x1F,121 31.1,121 31.1,121.1 0x1F,121</polygon>'))).message).toBe("alert.info[1].area[1].polygon[1]: '0x1F,121' is not a WGS 84 latitude,longitude pair");
  });

  it('keeps a circle of radius 0 (a point) and refuses a negative radius', () => {
    expect(readCapDocument(message(area('<circle>31.2,121.5 0</circle>'))).alerts[0]!.areas[0]!.circles).toEqual([{ lat: 31.2, lon: 121.5, radiusKm: 0 }]);
    expect(refusal(message(area('<circle>31.2,121.5 -1</circle>'))).message).toMatch(/^alert\.info\[1\]\.area\[1\]\.circle\[1\]: '31\.2,121\.5 -1' is not latitude,longitude radius/);
  });

  it('bounds the points of a polygon and of a whole alert, quickly', () => {
    const started = Date.now();
    expect(refusal(message(area(`<polygon>${ring(100_000)}</polygon>`))).message)
      .toBe(`alert.info[1].area[1].polygon[1]: has 100000 points; the limit is ${AREA_LIMITS.pointsPerPolygon} per polygon`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(readCapDocument(message(area(`<polygon>${ring(AREA_LIMITS.pointsPerPolygon)}</polygon>`))).alerts[0]!.areas[0]!.polygon).toHaveLength(AREA_LIMITS.pointsPerPolygon);
    const many = Array.from({ length: 5 }, () => area(`<polygon>${ring(4500)}</polygon>`)).join('');
    expect(refusal(message(many)).message).toBe(`alert.info[1].area[5].polygon[1]: brings the alert to 22500 points; an alert may have at most ${AREA_LIMITS.pointsPerAlert}`);
    const circles = Array.from({ length: 1001 }, () => area('<circle>31.2,121.5 1</circle>'.repeat(20))).join('');
    expect(refusal(message(circles)).message).toBe(`alert.info[1].area[1001].circle: brings the alert to 20020 points; an alert may have at most ${AREA_LIMITS.pointsPerAlert}`);
  });

  it('reads CAP 1.0 geocodes written valueName=value, and refuses one without a name', () => {
    const alert = readCapDocument(message(area('<geocode>FIPS6=006037</geocode><geocode>CPEAS Geographic Code=310115</geocode>'), CAP10)).alerts[0]!;
    expect(alert.areas[0]).toMatchObject({ codes: ['310115000000'], geocodes: [{ valueName: 'FIPS6', value: '006037' }] });
    expect(refusal(message(area('<geocode>006037</geocode>'), CAP10)).message).toBe("alert.info[1].area[1].geocode[1]: '006037' is not a CAP 1.0 geocode (valueName=value)");
  });

  it('names the element when an area holds more polygons, circles or geocodes than the console keeps', () => {
    const circles = '<circle>31.2,121.5 1</circle>'.repeat(21);
    expect(refusal(message(area(circles))).message).toBe('alert.info[1].area[1].circle: appears 21 times in one area; the console keeps at most 20');
    const geocodes = Array.from({ length: 1001 }, (_, index) => `<geocode><valueName>UGC</valueName><value>Z${index}</value></geocode>`).join('');
    expect(refusal(message(area(geocodes))).message).toBe('alert.info[1].area[1].geocode: appears 1001 times in one area; the console keeps at most 1000');
    const codes = Array.from({ length: 301 }, (_, index) => `<geocode><valueName>CPEAS Geographic Code</valueName><value>${310115000000 + index}</value></geocode>`).join('');
    expect(refusal(message(area(codes))).message).toBe('alert.info[1].area[1].geocode (CPEAS Geographic Code): appears 301 times in one area; the console keeps at most 300');
  });

  it('closes a ring whose ends differ only by rounding, saying so, and keeps a long geocode value whole', () => {
    const municipalities = Array.from({ length: 300 }, (_, index) => String(3000 + index)).join(';');
    const document = readCapDocument(message(area(`<polygon>61.5329,5.24557 60.3308,5.64294 59.2396,6.24904 61.5329,5.24557 61.5329,5.2455</polygon>
      <geocode><valueName>MunicipalityId</valueName><value>\n  ${municipalities}\n</value></geocode>`)));
    const [alert] = document.alerts;
    expect(alert!.areas[0]!.polygon!.at(-1)).toEqual([5.24557, 61.5329]);
    expect(alert!.areas[0]!.geocodes).toEqual([{ valueName: 'MunicipalityId', value: municipalities }]);
    expect(document.notes).toEqual([{ element: 'alert.info[1].area[1].polygon[1]', en: 'ends 61.5329,5.2455 where it starts 61.5329,5.24557 (a rounding difference); closed on its first point', zh: expect.stringContaining('已按起点闭合') }]);
    expect(refusal(message(area(`<geocode><valueName>X</valueName><value>${'1;'.repeat(2001)}</value></geocode>`))).message)
      .toBe('alert.info[1].area[1].geocode[1].value: is 4002 characters; the limit is 4000');
  });
});
