import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { localHalf } from './useNetwork.ts';

/** Imports a topology file (CSV or JSON): the whole file or nothing, its problems named by line. */
export function TopologyImportButton() {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const read = async (file: File) => {
    try {
      const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
      const result = await api.network.importTopology({ fileName: file.name, text: await file.text(), format });
      setOutcome({ ok: true, text: t('network.import.done', { count: result.imported }) });
    } catch (error) {
      setOutcome({ ok: false, text: t('network.import.refused', { file: file.name, reason: localHalf((error as Error).message, locale) }) });
    }
  };
  return (
    <span className="network-import">
      <button type="button" className="button" onClick={() => input.current?.click()} data-testid="network-import">{t('network.import')}</button>
      <input ref={input} type="file" accept=".csv,.json,text/csv,application/json" hidden data-testid="network-import-file"
        onChange={(event) => { const file = event.target.files?.[0]; event.target.value = ''; if (file) void read(file); }} />
      {outcome && <span role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'network-import__done' : 'network-import__error'} data-testid="network-import-outcome">{outcome.text}</span>}
    </span>
  );
}
