import { useRef, useState, type FormEvent } from 'react';
import type { CsvImport } from '../../../shared/ipc/contract.ts';
import type { ConsoleErrorReason } from '../../../shared/ipc/errors.ts';
import { describeError } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { describeCsvProblem } from './csvProblems.ts';
import { splitProblem } from './labels.ts';

type Kind = (typeof CsvImport)['shape']['kind']['options'][number];
const KINDS: Kind[] = ['depots', 'stock', 'teams'];

/**
 * Imports depots, opening stock or teams from a CSV file. The service checks every row first and
 * imports nothing if one is wrong; its row-level reasons are listed here by line.
 */
export function CsvImportDialog({ exerciseData, onClose }: { exerciseData: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const [kind, setKind] = useState<Kind>('stock');
  const [exercise, setExercise] = useState(exerciseData);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; imported: number } | { ok: false; summary: string; problems: string[] } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState('');

  // A problem the console has no words for keeps the service's text, its line number said in the user's language.
  const wordedLine = (text: string) => {
    const { line, reason } = splitProblem(text);
    return line === null ? reason : t('resources.import.line', { line, reason });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) { setOutcome({ ok: false, summary: t('resources.import.noFile'), problems: [] }); return; }
    setBusy(true);
    try {
      const text = await file.text();
      const result = await api.resources.importCsv({ kind, fileName: file.name, text, exercise });
      setOutcome({ ok: true, imported: result.imported });
    } catch (error) {
      const issues = (error as { issues?: { message: string; reason?: ConsoleErrorReason }[] }).issues ?? [];
      setOutcome({
        ok: false, summary: t('resources.import.refused', { file: file.name, reason: describeError(error, locale) }),
        problems: issues.map((issue) => describeCsvProblem(issue.reason, locale) ?? wordedLine(issue.message)),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <form className="report-form dialog" role="dialog" aria-modal="true" aria-labelledby="csv-import-title" onSubmit={submit} data-testid="csv-import">
        <h3 id="csv-import-title" className="report-form__heading">{t('resources.import.title')}</h3>
        <p className="dialog__hint">{t('resources.import.hint')}</p>
        <label className="form-field">
          <span className="form-field__label">{t('resources.import.kind')}</span>
          <select className="input" value={kind} data-testid="csv-kind" onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((value) => <option key={value} value={value}>{t(`resources.import.kind.${value}`)}</option>)}
          </select>
        </label>
        <p className="dialog__hint cell-code">{t(`resources.import.columns.${kind}`)}</p>
        <div className="form-field">
          <span className="form-field__label">{t('resources.import.file')}</span>
          {/* The browser's own file control speaks the browser's language; this one speaks the console's. */}
          <div className="file-picker">
            <input ref={fileRef} id="csv-file-input" type="file" accept=".csv,text/csv" className="file-picker__input" data-testid="csv-file"
              onChange={(e) => { setOutcome(null); setFileName(e.target.files?.[0]?.name ?? ''); }} />
            <button type="button" className="button" onClick={() => fileRef.current?.click()} data-testid="csv-choose">{t('stock.file.choose')}</button>
            <span className={`file-picker__name${fileName ? ' file-picker__name--chosen' : ''}`} data-testid="csv-file-name">{fileName || t('stock.file.none')}</span>
          </div>
        </div>
        <label className={`form-check${exercise ? ' form-check--on' : ''}`}>
          <input type="checkbox" checked={exercise} onChange={(e) => setExercise(e.target.checked)} />
          {t('resources.request.exercise')}
        </label>
        {outcome?.ok === true && <div className="form-done" role="status" data-testid="csv-done">{t('resources.import.done', { count: outcome.imported })}</div>}
        {outcome?.ok === false && (
          <div className="form-issues" role="alert" data-testid="csv-error">
            <div className="form-issues__title">{outcome.summary}</div>
            <ul>
              {outcome.problems.map((problem, index) => <li key={index}>{problem}</li>)}
            </ul>
          </div>
        )}
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={onClose} data-testid="csv-close">{t('resources.import.close')}</button>
          <button type="submit" className="button button--go" disabled={busy} data-testid="csv-submit">{t('resources.import.submit')}</button>
        </div>
      </form>
    </div>
  );
}
