import { useState, type FormEvent } from 'react';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { ConsultationEntry, ConsultationSession } from '../../../shared/domain/consultation.ts';
import { TaskUnitKind } from '../../../shared/domain/task.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { describeError, errorCode, formatTime, primaryName } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { beijingLocalToIso, unitKindKey } from '../tasks/taskLabels.ts';
import { currentMapView } from './mapView.ts';

const KINDS = ['evidence', 'judgement', 'decision', 'action', 'warning', 'note'] as const;
type Kind = (typeof KINDS)[number];
const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor'] as const;

interface Props {
  session: ConsultationSession;
  districts: readonly CommandNode[];
  correcting: ConsultationEntry | null;
  onCancelCorrection(): void;
}

/** Records one entry of a session: evidence, judgement, decision, note, an action item (→ task) or a warning (→ draft alert). */
export function EntryComposer({ session, districts, correcting, onCancelCorrection }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const [kind, setKind] = useState<Kind>('judgement');
  const [agency, setAgency] = useState(session.agencies[0] ?? '');
  const [text, setText] = useState('');
  const [confidence, setConfidence] = useState<'low' | 'medium' | 'high'>('medium');
  const [approvedBy, setApprovedBy] = useState('');
  const [unit, setUnit] = useState('');
  const [unitKind, setUnitKind] = useState<TaskUnitKind>('agency');
  const [due, setDue] = useState('');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('Severe');
  const [areas, setAreas] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const effectiveKind: Kind = correcting ? (correcting.kind === 'evidence' || correcting.kind === 'judgement' || correcting.kind === 'decision' ? correcting.kind : 'note') : kind;

  const explain = (error: unknown) => {
    const code = errorCode(error);
    if (code === 'CONFLICT') return t('consultation.error.closed');
    if (code === 'NOT_FOUND') return t('consultation.error.notFound');
    if (error instanceof ConsoleError && error.code === 'INVALID_ARGUMENT' && error.issues?.length && locale === 'en') return error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return describeError(error, locale);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body) { setMessage({ kind: 'error', text: t('consultation.error.empty') }); return; }
    const missing = [
      !agency.trim() ? t('consultation.agency') : '',
      effectiveKind === 'decision' && !approvedBy.trim() ? t('consultation.approvedBy') : '',
      effectiveKind === 'action' && !unit.trim() ? t('consultation.action.unit') : '',
      effectiveKind === 'warning' && areas.length === 0 ? t('consultation.warning.areas') : '',
    ].filter(Boolean);
    if (missing.length) { setMessage({ kind: 'error', text: t('consultation.error.missing', { fields: missing.join(locale === 'en' ? ', ' : '、') }) }); return; }
    try {
      if (effectiveKind === 'action') {
        const dueAt = beijingLocalToIso(due);
        await api.consultation.action({ sessionId: session.id, agency, text: body, assigneeUnit: unit, assigneeKind: unitKind, ...(dueAt ? { dueAt } : {}) });
      } else if (effectiveKind === 'warning') {
        await api.consultation.warning({ sessionId: session.id, agency, headline: body.slice(0, 160), severity, areaCodes: areas });
      } else {
        const view = effectiveKind === 'evidence' ? currentMapView() : null;
        await api.consultation.record({
          sessionId: session.id, kind: effectiveKind, agency, text: body,
          ...(effectiveKind === 'judgement' ? { confidence } : {}),
          ...(effectiveKind === 'decision' ? { approvedBy } : {}),
          ...(correcting ? { corrects: correcting.id } : {}),
          ...(view ? { map: view } : {}),
        });
      }
      setText('');
      setMessage(null);
      onCancelCorrection();
    } catch (error) {
      setMessage({ kind: 'error', text: explain(error) });
    }
  };

  return (
    <form className="composer" onSubmit={submit} noValidate data-testid="entry-composer">
      {correcting ? (
        <div className="consult-inline">
          <span className="consult-muted">{t('consultation.corrects', { time: formatTime(correcting.at, locale, 'short') })}</span>
          <button type="button" className="button button--small" onClick={onCancelCorrection}>{t('incidents.detail.cancelCorrection')}</button>
        </div>
      ) : (
        <div className="consult-tabs" role="tablist">
          {KINDS.map((value) => (
            <button key={value} type="button" role="tab" aria-selected={kind === value} className={`consult-tab${kind === value ? ' consult-tab--current' : ''}`}
              data-testid={`composer-kind-${value}`} onClick={() => setKind(value)}>{t(`consultation.kind.${value}`)}</button>
          ))}
        </div>
      )}
      {message && <div className={message.kind === 'error' ? 'form-issues' : 'form-done'} role="alert" data-testid="composer-message">{message.text}</div>}
      <div className="form-row">
        <label className="form-field"><span className="form-field__label">{t('consultation.agency')}</span>
          <input className="input" list={`agencies-${session.id}`} value={agency} maxLength={60} data-testid="composer-agency" onChange={(event) => setAgency(event.target.value)} />
          <datalist id={`agencies-${session.id}`}>{session.agencies.map((name) => <option key={name} value={name} />)}</datalist></label>
        {effectiveKind === 'judgement' && (
          <label className="form-field"><span className="form-field__label">{t('consultation.confidence')}</span>
            <select className="input" value={confidence} data-testid="composer-confidence" onChange={(event) => setConfidence(event.target.value as typeof confidence)}>
              {(['low', 'medium', 'high'] as const).map((value) => <option key={value} value={value}>{t(`consultation.confidence.${value}`)}</option>)}
            </select></label>
        )}
        {effectiveKind === 'decision' && (
          <label className="form-field"><span className="form-field__label">{t('consultation.approvedBy')}</span>
            <input className="input" value={approvedBy} maxLength={60} data-testid="composer-approved" onChange={(event) => setApprovedBy(event.target.value)} /></label>
        )}
        {effectiveKind === 'warning' && (
          <label className="form-field"><span className="form-field__label">{t('consultation.warning.severity')}</span>
            <select className="input" value={severity} onChange={(event) => setSeverity(event.target.value as typeof severity)}>
              {SEVERITIES.map((value) => <option key={value} value={value}>{t(`consultation.severity.${value}`)}</option>)}
            </select></label>
        )}
      </div>
      {effectiveKind === 'action' && (
        <div className="form-row">
          <label className="form-field"><span className="form-field__label">{t('consultation.action.unit')}</span>
            <input className="input" value={unit} maxLength={120} data-testid="composer-unit" onChange={(event) => setUnit(event.target.value)} /></label>
          <label className="form-field"><span className="form-field__label">{t('consultation.action.kind')}</span>
            <select className="input" value={unitKind} onChange={(event) => setUnitKind(event.target.value as TaskUnitKind)}>
              {TaskUnitKind.options.map((value) => <option key={value} value={value}>{t(unitKindKey(value))}</option>)}
            </select></label>
          <label className="form-field"><span className="form-field__label">{t('consultation.action.due')}</span>
            <input className="input" type="datetime-local" value={due} data-testid="composer-due" onChange={(event) => setDue(event.target.value)} /></label>
        </div>
      )}
      {effectiveKind === 'warning' && (
        <label className="form-field"><span className="form-field__label">{t('consultation.warning.areas')}</span>
          <select multiple className="input consult-multi" value={areas} data-testid="composer-areas" onChange={(event) => setAreas([...event.target.selectedOptions].map((option) => option.value))}>
            {districts.map((node) => <option key={node.code} value={node.code}>{primaryName(node, locale)}</option>)}
          </select></label>
      )}
      <label className="form-field"><span className="form-field__label">{effectiveKind === 'warning' ? t('consultation.warning.headline') : t('consultation.text')}</span>
        <textarea className="input input--area" rows={2} value={text} maxLength={effectiveKind === 'warning' ? 160 : 8000} data-testid="composer-text" onChange={(event) => setText(event.target.value)} /></label>
      <button type="submit" className="button button--primary consult-primary" data-testid="composer-submit">
        {effectiveKind === 'evidence' ? t('consultation.evidence.freeze') : t('consultation.record')}
      </button>
    </form>
  );
}
