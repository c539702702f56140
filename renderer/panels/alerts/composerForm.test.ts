import { describe, expect, it } from 'vitest';
import { ALERT_TEMPLATES, alertTemplate } from '../../../shared/cap/templates.ts';
import { AlertDraftInput } from '../../../shared/ipc/contracts/alerts.ts';
import { applyTemplate, emptyForm, formToDraft, fromLocalInput, toLocalInput } from './composerForm.ts';

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
});
