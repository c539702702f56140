import { useMemo, type MouseEvent } from 'react';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import { boundaryPath, sketchProjection } from './sketchProjection.ts';

export interface SketchPoint { id: string; lon: number; lat: number; level: string }

interface Props {
  boundaries: readonly Boundary[];
  points?: readonly SketchPoint[];
  view?: { center: [number, number]; zoom: number };
  width: number;
  height: number;
  picked?: { lon: number; lat: number } | null;
  onPick?(position: { lon: number; lat: number }): void;
  label: string;
  testId?: string;
}

const LEVEL_COLOURS: Record<string, string> = { I: '#e53935', II: '#fb8c00', III: '#fdd835', IV: '#1e88e5' };

/**
 * District outlines with incident points, drawn as SVG: the map-pick dialog and the picture of
 * an evidence snapshot. Works offline and needs nothing from the situation map's component.
 */
export function DistrictSketch({ boundaries, points = [], view, width, height, picked, onPick, label, testId }: Props) {
  const projection = useMemo(() => sketchProjection(boundaries, width, height, view), [boundaries, width, height, view]);
  const paths = useMemo(() => boundaries.map((boundary) => ({ code: boundary.code, d: boundaryPath(boundary, projection) })), [boundaries, projection]);
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const box = event.currentTarget.getBoundingClientRect();
    const position = projection.toLonLat(((event.clientX - box.left) / box.width) * width, ((event.clientY - box.top) / box.height) * height);
    onPick({ lon: Math.round(position.lon * 1e5) / 1e5, lat: Math.round(position.lat * 1e5) / 1e5 });
  };
  const mark = picked ? projection.toScreen(picked.lon, picked.lat) : null;
  return (
    <svg className={`district-sketch${onPick ? ' district-sketch--pick' : ''}`} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}
      data-testid={testId} onClick={onClick}>
      <rect width={width} height={height} className="district-sketch__sea" />
      {paths.map((path) => <path key={path.code} d={path.d} className="district-sketch__district" />)}
      {points.map((point) => {
        const [x, y] = projection.toScreen(point.lon, point.lat);
        return <circle key={point.id} cx={x} cy={y} r={5} fill={LEVEL_COLOURS[point.level] ?? '#999'} className="district-sketch__point" />;
      })}
      {mark && (
        <g className="district-sketch__picked" data-testid={testId ? `${testId}-picked` : undefined}>
          <line x1={mark[0] - 10} y1={mark[1]} x2={mark[0] + 10} y2={mark[1]} />
          <line x1={mark[0]} y1={mark[1] - 10} x2={mark[0]} y2={mark[1] + 10} />
          <circle cx={mark[0]} cy={mark[1]} r={6} />
        </g>
      )}
    </svg>
  );
}
