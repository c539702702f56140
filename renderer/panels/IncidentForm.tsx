import { useId, useMemo, useState, type FormEvent } from 'react';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import { IncidentLevel, IncidentType, type Incident } from '../../shared/domain/incident.ts';
import { ConsoleError } from '../../shared/ipc/errors.ts';
import { describeError } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useConsole } from '../state/useConsole.ts';
import { firstOption, nodeOptionGroups } from './nodeOptions.ts';
import { describeIssues } from './reportIssues.ts';
import { AffectedField } from './incidents/AffectedField.tsx';
import { LocationField, type Point } from './incidents/LocationField.tsx';

interface Props {
  nodes: CommandNode[] | undefined;
  /** This console's own node: the default place of a report. */
  homeCode: string | undefined;
  /** Whether exercise records are present: then a new report is marked exercise unless unticked. */
  exerciseData: boolean;
  onReported(incident: Incident): void;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'issues'; issues: { path: string; message: string }[] }
  | { kind: 'error'; error: unknown }
  | { kind: 'done'; title: string };

/**
 * Reports an incident. The console service validates it against the shared contract; an
 * INVALID_ARGUMENT reply is shown beside the form in the current language and nothing else changes.
 */
export function IncidentForm({ nodes, homeCode, exerciseData, onReported }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const id = useId();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<IncidentType>('other');
  const [level, setLevel] = useState<Incident['level']>('IV');
  const [chosenNode, setChosenNode] = useState<string | null>(null);
  const [nodeFilter, setNodeFilter] = useState('');
  const [description, setDescription] = useState('');
  const [point, setPoint] = useState<Point>(null);
  const [affected, setAffected] = useState<string[]>([]);
  const [exerciseChoice, setExerciseChoice] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const defaultNode = homeCode && nodes?.some((node) => node.code === homeCode) ? homeCode : nodes?.[0]?.code;
  const nodeCode = chosenNode ?? defaultNode ?? '';
  const groups = useMemo(() => nodeOptionGroups(nodes ?? [], nodeFilter, locale, nodeCode), [nodes, nodeFilter, locale, nodeCode]);
  const exercise = exerciseChoice ?? exerciseData;

  const issues = outcome.kind === 'issues' ? describeIssues(outcome.issues, locale) : [];
  const invalid = new Set(issues.map((issue) => issue.field));

  const onFilter = (value: string) => {
    setNodeFilter(value);
    // Typing a name picks its first match, so "外滩" then Enter reports for 外滩街道.
    const matches = nodeOptionGroups(nodes ?? [], value, locale);
    const first = firstOption(matches);
    if (value.trim() && first && !matches.some((group) => group.options.some((option) => option.code === nodeCode))) setChosenNode(first);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const incident = await api.incidents.report({
        title, type, level, nodeCode, exercise,
        ...(point ? { location: point } : {}),
        ...(affected.length ? { affectedCodes: affected } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      setOutcome({ kind: 'done', title: incident.title });
      setTitle('');
      setDescription('');
      setPoint(null);
      setAffected([]);
      onReported(incident);
    } catch (error) {
      if (error instanceof ConsoleError && error.code === 'INVALID_ARGUMENT' && error.issues?.length) {
        setOutcome({ kind: 'issues', issues: error.issues });
      } else {
        setOutcome({ kind: 'error', error });
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="report-form" onSubmit={submit} noValidate aria-labelledby={field('heading')} data-testid="report-form">
      <h3 id={field('heading')} className="report-form__heading">{t('report.title')}</h3>

      {issues.length > 0 && (
        <div className="form-issues" role="alert" data-testid="report-issues">
          <div className="form-issues__title">{t('report.issuesTitle')}</div>
          <ul>
            {issues.map((issue, index) => <li key={`${issue.field}-${index}`}>{issue.text}</li>)}
          </ul>
        </div>
      )}
      {outcome.kind === 'error' && (
        <div className="form-issues" role="alert" data-testid="report-error">{describeError(outcome.error, locale)}</div>
      )}
      {outcome.kind === 'done' && (
        <div className="form-done" role="status" data-testid="report-done">{t('report.done', { title: outcome.title })}</div>
      )}

      <label className="form-field" htmlFor={field('title')}>
        <span className="form-field__label">{t('report.field.title')}</span>
        <input
          id={field('title')}
          className="input"
          value={title}
          maxLength={200}
          placeholder={t('report.field.titlePlaceholder')}
          aria-required="true"
          aria-invalid={invalid.has('title') || undefined}
          data-testid="report-title"
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>

      <div className="form-row">
        <label className="form-field" htmlFor={field('type')}>
          <span className="form-field__label">{t('report.field.type')}</span>
          <select id={field('type')} className="input" value={type} aria-invalid={invalid.has('type') || undefined}
            data-testid="report-type" onChange={(event) => setType(event.target.value as IncidentType)}>
            {IncidentType.options.map((value) => <option key={value} value={value}>{t(`incidentType.${value}`)}</option>)}
          </select>
        </label>
        <label className="form-field" htmlFor={field('level')}>
          <span className="form-field__label">{t('report.field.level')}</span>
          <select id={field('level')} className="input" value={level} aria-invalid={invalid.has('level') || undefined}
            data-testid="report-level" onChange={(event) => setLevel(event.target.value as Incident['level'])}>
            {IncidentLevel.options.map((value) => <option key={value} value={value}>{t(`incidentLevel.${value}`)}</option>)}
          </select>
        </label>
      </div>

      <fieldset className="form-field form-field--group">
        <legend className="form-field__label">{t('report.field.place')}</legend>
        <input
          type="search"
          className="input"
          value={nodeFilter}
          placeholder={t('report.field.nodeFilter')}
          aria-label={t('report.field.nodeFilter')}
          data-testid="report-node-filter"
          onChange={(event) => onFilter(event.target.value)}
        />
        <select className="input" value={nodeCode} aria-label={t('report.field.node')}
          aria-invalid={invalid.has('nodeCode') || undefined} data-testid="report-node"
          disabled={groups.length === 0} onChange={(event) => { setChosenNode(event.target.value); setAffected([]); }}>
          {groups.length === 0 && <option value="">{t('report.noNodes')}</option>}
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => <option key={option.code} value={option.code}>{option.label}</option>)}
            </optgroup>
          ))}
        </select>
      </fieldset>

      <LocationField value={point} onChange={setPoint} invalid={[...invalid].some((name) => name.startsWith('location'))} />
      {nodes && nodeCode && <AffectedField nodes={nodes} placeCode={nodeCode} value={affected} onChange={setAffected} />}

      <label className="form-field" htmlFor={field('description')}>
        <span className="form-field__label">{t('report.field.description')}</span>
        <textarea id={field('description')} className="input input--area" rows={3} maxLength={4000} value={description}
          aria-invalid={invalid.has('description') || undefined} onChange={(event) => setDescription(event.target.value)} />
      </label>

      <label className={`form-check${exercise ? ' form-check--on' : ''}`}>
        <input type="checkbox" checked={exercise} data-testid="report-exercise" onChange={(event) => setExerciseChoice(event.target.checked)} />
        <span>{t('report.field.exercise')}</span>
      </label>

      <button type="submit" className="button button--primary" disabled={busy || !nodes} data-testid="report-submit">
        {busy ? t('report.submitting') : t('report.submit')}
      </button>
    </form>
  );
}
