import { describe, expect, it } from 'vitest';
import { plainText } from './capText.ts';

describe('HTML in a CAP description becomes text', () => {
  it('turns paragraphs, breaks and list items into lines and drops formatting tags', () => {
    expect(plainText('<p>Typhoon <b>"HENRY"</b> maintains its strength.</p><p>Winds of 89 to 117&nbsp;km/h.</p>'))
      .toBe('Typhoon "HENRY" maintains its strength.\nWinds of 89 to 117 km/h.');
    expect(plainText('Do this:<br/><ul><li>Stay in</li><li>Charge phones &amp; radios</li></ul>')).toBe('Do this:\n• Stay in\n• Charge phones & radios');
  });

  it('leaves text without tags as it is, including comparison signs', () => {
    expect(plainText('Gusts > 60 km/h, rain <5 mm & fog')).toBe('Gusts > 60 km/h, rain <5 mm & fog');
    expect(plainText(undefined)).toBeUndefined();
    expect(plainText('<p></p>')).toBeUndefined();
  });
});
