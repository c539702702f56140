import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { LocalObservation } from '../../../shared/network/view.ts';
import { FONT_STACK } from '../../grid/gridSetup.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { STATE_COLOURS } from './networkRows.ts';

echarts.use([LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);

const HOURS = 6;
const REFRESH_MS = 10_000;

/** Stretches of time a link spent down or standalone, shaded behind its lines. */
export function outageBands(samples: readonly LocalObservation[]): { from: number; to: number; state: 'down' | 'standalone' | 'degraded' }[] {
  const bands: { from: number; to: number; state: 'down' | 'standalone' | 'degraded' }[] = [];
  for (const sample of samples) {
    const state = sample.state === 'down' || sample.state === 'standalone' || sample.state === 'degraded' ? sample.state : null;
    const last = bands.at(-1);
    if (state && last && last.state === state && last.to >= sample.at - 60_000) last.to = sample.at;
    else if (state) bands.push({ from: sample.at, to: sample.at, state });
  }
  return bands;
}

/** One link's round trip and ops behind over the last hours, from this node's own samples (ECharts). */
export function LinkChart({ code, name, large }: { code: string; name: string; large: boolean }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [samples, setSamples] = useState<LocalObservation[] | null>(null);

  useEffect(() => {
    let disposed = false;
    const load = () => api.network.samples({ code, hours: HOURS }).then((next) => { if (!disposed) setSamples(next); }, () => undefined);
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => { disposed = true; clearInterval(timer); };
  }, [api, code]);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => { observer.disconnect(); instance.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    if (!chart.current || !samples) return;
    const fontSize = large ? 20 : 14;
    chart.current.setOption({
      backgroundColor: 'transparent',
      textStyle: { fontFamily: FONT_STACK.join(', '), color: '#e8eef6', fontSize },
      legend: { top: 0, left: 0, textStyle: { color: '#9fb3c8', fontSize } },
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 48, top: large ? 44 : 36, bottom: 32 },
      xAxis: { type: 'time', axisLabel: { color: '#9fb3c8', fontSize, hideOverlap: true }, axisLine: { lineStyle: { color: '#2f4663' } } },
      yAxis: [
        { type: 'value', axisLabel: { color: '#9fb3c8', fontSize }, splitLine: { lineStyle: { color: '#1c2b3e' } } },
        { type: 'value', axisLabel: { color: '#9fb3c8', fontSize }, splitLine: { show: false }, minInterval: 1 },
      ],
      series: [
        {
          name: t('network.chart.rtt'), type: 'line', showSymbol: false, color: '#4da3ff', lineStyle: { width: large ? 3 : 2 },
          data: samples.map((sample) => [sample.at, sample.rttMs]),
          markArea: {
            silent: true,
            data: outageBands(samples).map((band) => [
              { xAxis: band.from, itemStyle: { color: `${STATE_COLOURS[band.state]}33` } },
              { xAxis: band.to === band.from ? band.from + 5000 : band.to },
            ]),
          },
        },
        { name: t('network.chart.behind'), type: 'line', step: 'end', showSymbol: false, yAxisIndex: 1, color: '#ffb020', data: samples.map((sample) => [sample.at, sample.opsBehind]) },
      ],
    }, { notMerge: true });
  }, [samples, large, t, locale]);

  return (
    <section className="network-chart" aria-label={t('network.chart.title', { name, hours: HOURS })} data-testid="network-chart" data-samples={samples?.length ?? 0}>
      <h3 className="network-chart__title">{t('network.chart.title', { name, hours: HOURS })}</h3>
      {samples && samples.length === 0 && <p className="panel__empty">{t('network.chart.empty')}</p>}
      <div ref={element} className="network-chart__canvas" hidden={samples !== null && samples.length === 0} />
    </section>
  );
}
