import { useMemo, useRef, useState } from 'react';
import { alertState, type Alert } from '../../../shared/domain/alert.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import '../resources/resources.css';
import './alerts.css';
import { AlertComposer } from './AlertComposer.tsx';
import { AlertDetail } from './AlertDetail.tsx';
import { AlertsBoard } from './AlertsBoard.tsx';
import { alertToForm, localMessage } from './composerForm.ts';

/** A file's bytes as base64, in chunks (spreading 2 MB into one call would overflow the stack). */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

const loadAlerts = (api: ConsoleApi) => api.alerts.listByState({});
const loadAreas = (api: ConsoleApi) => api.map.listAreas({});

/** Early warnings: the board of alerts by state, and beside it the composer or the chosen alert. */
export function AlertsPanel({ nodes, exerciseData }: { nodes: CommandNode[] | undefined; exerciseData: boolean }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const alerts = useLiveQuery(loadAlerts, ['alert']);
  const areas = useLiveQuery(loadAreas, ['namedArea']);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [composing, setComposing] = useState(true);
  const [editing, setEditing] = useState<Alert | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const selected = alerts.data?.find((alert) => alert.id === selectedId) ?? null;
  const counts = useMemo(() => {
    const result = { draft: 0, reviewed: 0, issued: 0 };
    for (const alert of alerts.data ?? []) result[alertState(alert)] += 1;
    return result;
  }, [alerts.data]);

  const show = (alert: Alert) => {
    setSelectedId(alert.id);
    setComposing(false);
    setEditing(null);
  };
  const edit = (alert: Alert) => {
    setEditing(alert);
    setComposing(true);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    try {
      // Bytes, not file.text(): the core decodes UTF-16, ISO-8859-1 and GBK files by their declaration.
      const result = await api.alerts.import({ fileName: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
      setMessage({ ok: true, text: t('alerts.imported', { count: result.imported.length, file: file.name }) });
      if (result.imported[0]) show(result.imported[0]);
    } catch (error) {
      setMessage({ ok: false, text: localMessage(error, locale, t('error.INTERNAL')) });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <section className="panel alerts-panel" data-testid="alerts-panel">
      <header className="panel__header">
        <h2 className="panel__title">{t('alerts.title')}</h2>
        <span className="panel__summary" data-testid="alerts-summary">{t('alerts.summary', counts)}</span>
        <div className="panel__toolbar">
          <button type="button" className="button button--primary" data-testid="alerts-new" onClick={() => { setComposing(true); setEditing(null); setSelectedId(null); }}>{t('alerts.new')}</button>
          <button type="button" className="button" data-testid="alerts-import" onClick={() => fileInput.current?.click()}>{t('alerts.import')}</button>
          <input ref={fileInput} type="file" hidden accept=".xml,.cap,.atom,.rss,.edxlde,application/xml" data-testid="alerts-import-file"
            onChange={(event) => void importFile(event.target.files?.[0])} />
        </div>
      </header>
      {message && <div className={`panel__notice${message.ok ? '' : ' panel__notice--error'}`} role={message.ok ? 'status' : 'alert'} data-testid="alerts-message">{message.text}</div>}
      <div className="panel__split">
        <div className="panel__grid">
          <AlertsBoard alerts={alerts.data} loading={alerts.loading} error={alerts.error} onSelect={(alert) => { if (alert) show(alert); }} />
        </div>
        <aside className="panel__side alerts-panel__side">
          {composing || !selected
            ? (composing
              ? <AlertComposer key={editing?.id ?? 'new'} nodes={nodes} namedAreas={areas.data} exerciseData={exerciseData}
                {...(editing ? { initial: alertToForm(editing) } : {})} onSaved={show} />
              : <p className="alert-detail__muted">{t('alerts.noSelection')}</p>)
            : <AlertDetail alert={selected} onChanged={show} onEdit={edit} />}
        </aside>
      </div>
    </section>
  );
}
