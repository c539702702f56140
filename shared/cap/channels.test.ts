import { describe, expect, it } from 'vitest';
import { channelsOf, smsLength, smsText } from './channels.ts';

describe('release channels in CAP', () => {
  it('reads the channel parameters it knows, in the console order, once each', () => {
    expect(channelsOf([
      { valueName: 'channel', value: 'sirens' }, { valueName: 'channel', value: 'cellBroadcast' },
      { valueName: 'channel', value: 'cellBroadcast' }, { valueName: 'channel', value: 'carrier-pigeon' }, { valueName: 'VTEC', value: 'sirens' },
    ])).toEqual(['cellBroadcast', 'sirens']);
  });
});

describe('SMS length', () => {
  it('counts English in GSM-7: 160 in one message, 153 a part when split, extension characters twice', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, messages: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, messages: 2 });
    expect(smsLength('[]')).toEqual({ encoding: 'GSM-7', units: 4, messages: 1 });
  });

  it('counts Chinese (and anything outside GSM) in UCS-2: 70 in one message, 67 a part', () => {
    expect(smsLength('台'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, messages: 1 });
    expect(smsLength('台'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, messages: 2 });
    expect(smsLength('Heat 37 °C ☀')).toMatchObject({ encoding: 'UCS-2', messages: 1 });
    expect(smsLength('😀')).toEqual({ encoding: 'UCS-2', units: 2, messages: 1 });
  });

  it('joins the headline and what to do as a phone shows them', () => {
    expect(smsText({ headline: '上海市台风红色预警', instruction: '停止一切户外活动' })).toBe('上海市台风红色预警。停止一切户外活动');
    expect(smsText({ headline: 'Typhoon red warning', instruction: 'Stay indoors.' })).toBe('Typhoon red warning. Stay indoors.');
    expect(smsText({ headline: 'Heat warning' })).toBe('Heat warning');
  });
});
