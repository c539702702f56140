import { useState } from 'react';
import type { WallCell, WallLayout } from '../../shared/domain/wallLayout.ts';
import { cellDisplays, cellName, displayLabel, displayPlace, gridSize } from '../../shared/wall/hall.ts';
import { describeError } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useConsole } from '../state/useConsole.ts';
import { dragRectangle, EDITOR_PANELS, placeCell } from './editorModel.ts';

/**
 * Edits a preset on a picture of the wall: drag across displays to mark a cell, choose its panel,
 * save. The service checks the preset against the hall and says why it refuses one.
 */
export function LayoutEditor({ hall, preset, onClose, describeCell }: { hall: WallLayout; preset: WallLayout | null; onClose(): void; describeCell(cell: WallCell): string }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const [name, setName] = useState(preset?.name ?? '');
  const [nameEn, setNameEn] = useState(preset?.nameEn ?? '');
  const [cells, setCells] = useState<WallCell[]>(preset?.cells ?? []);
  const [panel, setPanel] = useState<(typeof EDITOR_PANELS)[number]>('map');
  const [dragFrom, setDragFrom] = useState<string | null>(null);
  const [dragTo, setDragTo] = useState<string | null>(null);
  // Kept as a key and its values, so the message follows a change of language.
  const [message, setMessage] = useState<{ ok: true; name: string } | { ok: false; reason: string } | null>(null);
  const displays = hall.displays ?? [];
  const { cols, rows } = gridSize(displays);
  const marking = dragFrom && dragTo ? dragRectangle(dragFrom, dragTo) : null;
  const covered = new Set(cells.flatMap(cellDisplays));

  const finishDrag = () => {
    if (marking) setCells((current) => placeCell(current, { ...marking, route: `/${panel}` }));
    setDragFrom(null);
    setDragTo(null);
  };
  const save = async () => {
    try {
      const saved = await api.wall.savePreset({ ...(preset ? { id: preset.id } : {}), name, ...(nameEn.trim() ? { nameEn } : {}), mode: preset?.mode ?? 'emergency', cells });
      setMessage({ ok: true, name: saved.name });
    } catch (error) {
      setMessage({ ok: false, reason: describeError(error, locale) });
    }
  };
  const box = (cell: Pick<WallCell, 'display' | 'colSpan' | 'rowSpan'>) => {
    const { col, row } = displayPlace(cell.display);
    return { gridColumn: `${col + 1} / span ${cell.colSpan}`, gridRow: `${row + 1} / span ${cell.rowSpan}` };
  };

  return (
    <section className="hall-card hall-editor" aria-labelledby="wall-editor-title" data-testid="wall-editor">
      <div className="map-card__head">
        <h3 id="wall-editor-title" className="map-card__title">{t('wall.editor.title')}</h3>
        <button type="button" className="button button--small" onClick={onClose}>{t('map.close')}</button>
      </div>
      <p className="details__hint">{t('wall.editor.hint')}</p>
      <div className="hall-editor__fields">
        <label>{t('wall.editor.name')} <input className="input" value={name} maxLength={120} data-testid="wall-editor-name" onChange={(event) => setName(event.target.value)} /></label>
        <label>{t('wall.editor.nameEn')} <input className="input" value={nameEn} maxLength={160} onChange={(event) => setNameEn(event.target.value)} /></label>
        <label>{t('wall.editor.panel')}
          <select className="input" value={panel} data-testid="wall-editor-panel" onChange={(event) => setPanel(event.target.value as typeof panel)}>
            {EDITOR_PANELS.map((option) => <option key={option} value={option}>{t(`wall.panel.${option}`)}</option>)}
          </select>
        </label>
      </div>
      <div className="hall-picture" style={{ gridTemplateColumns: `repeat(${cols}, 1fr)`, gridTemplateRows: `repeat(${rows}, 1fr)` }}
        onPointerUp={finishDrag} onPointerLeave={() => { setDragFrom(null); setDragTo(null); }}>
        {Array.from({ length: rows }, (_, row) => Array.from({ length: cols }, (__, col) => {
          const label = displayLabel(col, row);
          const present = displays.some((display) => display.label === label);
          return (
            <div key={label} className={`hall-picture__display${present ? '' : ' hall-picture__display--missing'}${covered.has(label) ? ' hall-picture__display--covered' : ''}`} style={{ gridColumn: col + 1, gridRow: row + 1 }}
              data-testid={`wall-editor-display-${label}`}
              onPointerDown={(event) => { if (!present) return; event.preventDefault(); setDragFrom(label); setDragTo(label); }}
              onPointerEnter={() => { if (dragFrom && present) setDragTo(label); }}>{label}</div>
          );
        }))}
        {cells.map((cell) => (
          <div key={cellName(cell)} className="hall-picture__cell" style={box(cell)} data-testid="wall-editor-cell">{describeCell(cell)}</div>
        ))}
        {marking && <div className="hall-picture__cell hall-picture__cell--marking" style={box(marking)} />}
      </div>
      <div className="hall-editor__actions">
        <button type="button" className="button" disabled={name.trim() === '' || cells.length === 0} data-testid="wall-editor-save" onClick={() => void save()}>{t('wall.editor.save')}</button>
        <button type="button" className="button button--small" onClick={() => setCells([])}>{t('wall.editor.clear')}</button>
        {message && <span className={message.ok ? 'hall-ok' : 'hall-error'} role={message.ok ? 'status' : 'alert'} data-testid="wall-editor-message">{message.ok ? t('wall.editor.saved', { name: message.name }) : t('wall.editor.failed', { reason: message.reason })}</span>}
      </div>
    </section>
  );
}
