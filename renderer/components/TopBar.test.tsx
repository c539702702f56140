import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/ipc/contract.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import type { Locale } from '../i18n/messages.ts';
import { AccessError } from './AccessError.tsx';
import { TopBar } from './TopBar.tsx';

const info = (exerciseData: boolean): AppInfo => ({ version: '0.1.0', nodeId: 'node-test', nodeCode: '310101000000', role: 'district', exerciseData, user: { userId: 'duty-2', name: '张三', role: 'duty' } });
const huangpu = { code: '310101000000', level: 'district' as const, name: '黄浦区', nameEn: 'Huangpu District', parentCode: '310000000000', exercise: false };

const render = (element: ReactNode, locale: Locale = 'zh-CN') =>
  renderToStaticMarkup(<I18nProvider initialLocale={locale}>{element}</I18nProvider>);

describe('TopBar', () => {
  it('names the product and this node, and shows the exercise mark while exercise data is present', () => {
    const html = render(<TopBar info={info(true)} homeNode={huangpu} />);
    expect(html).toContain('韧性城市指挥台');
    expect(html).toContain('演练 EXERCISE');
    expect(html).toContain('区级指挥中心');
    expect(html).toContain('黄浦区');
    expect(html).toContain('310101000000');
    expect(html).toContain('>English<');
    expect(html).toContain('张三');
    expect(html).toContain('值班员');
  });

  it('has no exercise mark without exercise data', () => {
    expect(render(<TopBar info={info(false)} homeNode={huangpu} />)).not.toContain('演练');
  });

  it('speaks English when switched', () => {
    const html = render(<TopBar info={info(true)} homeNode={huangpu} />, 'en');
    expect(html).toContain('Resilience Console');
    expect(html).toContain('District command centre');
    expect(html).toContain('Huangpu District');
    expect(html).toContain('>中文<');
    expect(html).toContain('Duty officer');
  });
});

describe('AccessError', () => {
  it('tells the officer what to do instead of showing a blank page', () => {
    expect(render(<AccessError />)).toContain('访问令牌缺失或错误');
    expect(render(<AccessError />, 'en')).toContain('access token is missing or wrong');
  });
});
