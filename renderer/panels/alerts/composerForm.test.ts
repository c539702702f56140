import { describe, expect, it } from 'vitest';
import { ALERT_TEMPLATES, alertTemplate } from '../../../shared/cap/templates.ts';
import { AlertDraftInput } from '../../../shared/ipc/contracts/alerts.ts';
import { alertToForm, applyTemplate, emptyForm, formToDraft, fromLocalInput, toLocalInput } from './composerForm.ts';

describe('composer form', () => {
  it('every template with one district makes a draft the service accepts', () => {
    const now = new Date('2026-09-14T00:00:00Z');
    for (const template of ALERT_TEMPLATES) {
      const form = { ...applyTemplate(emptyForm(true), template, now), districtCodes: ['310115000000'] };
      const draft = AlertDraftInput.parse(formToDraft(form, new Map([['310115000000', '浦东新区']])));
      expect(draft.areas).toEqual([{ description: '浦东新区', codes: ['310115000000'] }]);
      expect(draft.texts.map((text) => text.language)).toEqual(['zh-CN', 'en']);
      expect(draft.expires).toBe(new Date(now.getTime() + template.expiresInHours * 3600_000).toISOString());
    }
  });

  it('groups streets by district and drops streets of a district already chosen whole', () => {
    const form = { ...applyTemplate(emptyForm(false), alertTemplate('heat')!, new Date()), districtCodes: ['310101000000'], streetCodes: ['310101002000', '310115004000', '310115005000'] };
    const draft = formToDraft(form, new Map([['310115004000', '潍坊新村街道'], ['310115005000', '陆家嘴街道']]));
    expect(draft.areas).toEqual([
      { description: '310101000000', codes: ['310101000000'] },
      { description: '潍坊新村街道、陆家嘴街道', codes: ['310115004000', '310115005000'] },
    ]);
  });

  it('reads and writes Beijing time in datetime-local fields', () => {
    expect(toLocalInput('2026-09-14T00:00:00.000Z')).toBe('2026-09-14T08:00');
    expect(fromLocalInput('2026-09-14T08:00')).toBe('2026-09-14T00:00:00.000Z');
    expect(fromLocalInput('')).toBeUndefined();
  });

  it('puts an alert back in the composer and saves it as the same content, shapes kept', () => {
    const form = { ...applyTemplate(emptyForm(true), alertTemplate('typhoon-red')!, new Date('2026-09-14T00:00:00Z')), districtCodes: ['310115000000'], streetCodes: ['310101002000'] };
    const names = new Map([['310115000000', '浦东新区'], ['310101002000', '南京东路街道']]);
    const shape = { description: '沿江低洼区', codes: [], polygon: [[121.5, 31.2], [121.6, 31.2], [121.6, 31.3], [121.5, 31.2]] as [number, number][] };
    const draft = AlertDraftInput.parse({ ...formToDraft(form, names), areas: [...formToDraft(form, names).areas!, shape] });
    const alert = { ...draft, id: 'cap-0123456789abcdef', sender: 'city', sent: '2026-09-14T00:00:00.000Z', status: 'Exercise' as const, msgType: 'Update' as const, scope: 'Public' as const, languages: ['zh-CN', 'en'] };
    const again = AlertDraftInput.parse(formToDraft(alertToForm(alert), names));
    expect(again.id).toBe('cap-0123456789abcdef');
    expect(again.areas).toEqual(draft.areas);
    expect(again.texts).toEqual(draft.texts);
    expect(again.expires).toBe(draft.expires);
  });

  it('keeps drawn areas apart from the pickers, descriptions trimmed, and brings them back to edit', () => {
    const polygon = { description: '  绘制区域 1 / Drawn area 1 ', codes: [], polygon: [[121.3, 31.3], [121.45, 31.3], [121.45, 31.4], [121.3, 31.3]] as [number, number][] };
    const circle = { description: '化工园区周边', codes: [], circles: [{ lon: 121.75, lat: 31.15, radiusKm: 9.52 }] };
    const form = { ...applyTemplate(emptyForm(true), alertTemplate('chemical-release')!, new Date('2026-09-14T00:00:00Z')), districtCodes: ['310115000000'], keptAreas: [polygon, circle] };
    const draft = AlertDraftInput.parse(formToDraft(form, new Map([['310115000000', '浦东新区']])));
    expect(draft.areas).toEqual([{ description: '浦东新区', codes: ['310115000000'] }, { ...polygon, description: '绘制区域 1 / Drawn area 1' }, circle]);
    const alert = { ...draft, id: 'cap-0123456789abcdef', sender: 'city', sent: '2026-09-14T00:00:00.000Z', status: 'Exercise' as const, msgType: 'Alert' as const, scope: 'Public' as const, languages: ['zh-CN', 'en'] };
    const back = alertToForm(alert);
    expect(back.districtCodes).toEqual(['310115000000']);
    expect(back.keptAreas).toEqual(draft.areas.slice(1));
  });
});
