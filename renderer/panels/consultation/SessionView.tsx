import { useCallback, useMemo, useState } from 'react';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { ConsultationEntry, ConsultationSession } from '../../../shared/domain/consultation.ts';
import { taskProgress, type Task } from '../../../shared/domain/task.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { describeError, formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { AttendanceList } from './AttendanceList.tsx';
import { EntryComposer } from './EntryComposer.tsx';
import { EntryList } from './EntryList.tsx';
import { RoomView } from './RoomView.tsx';

interface Props {
  session: ConsultationSession;
  tasks: readonly Task[];
  boundaries: readonly Boundary[];
  districts: readonly CommandNode[];
}

/** Saves a file the core produced (Markdown text or a base64 PDF) through the browser's download. */
function saveFile(file: { fileName: string; mimeType: string; encoding: 'utf8' | 'base64'; content: string }): void {
  const bytes = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (char) => char.charCodeAt(0)) : new TextEncoder().encode(file.content);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One session: who takes part, the agenda, the record, the composer, sign-off, minutes and the meeting-room screen. */
export function SessionView({ session, tasks, boundaries, districts }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const loadEntries = useCallback((client: ConsoleApi) => client.consultation.entries({ id: session.id }), [session.id]);
  const entries = useLiveQuery(loadEntries, ['consultationEntry']);
  const [room, setRoom] = useState(false);
  const [correcting, setCorrecting] = useState<ConsultationEntry | null>(null);
  const [signer, setSigner] = useState('');
  const [notice, setNotice] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const own = useMemo(() => tasks.filter((task) => task.sessionId === session.id), [tasks, session.id]);
  const byId = useMemo(() => new Map(own.map((task) => [task.id, task])), [own]);
  const progress = taskProgress(own, new Date());
  const list = entries.data ?? [];
  const open = session.status === 'open';

  const minutes = async (format: 'md' | 'pdf') => {
    try {
      const file = await api.consultation.minutes({ id: session.id, format, locale });
      saveFile(file);
      setNotice({ kind: 'done', text: t('consultation.minutesDone', { file: file.fileName }) });
    } catch (error) { setNotice({ kind: 'error', text: describeError(error, locale) }); }
  };
  const signOff = async () => {
    if (!signer.trim()) { setNotice({ kind: 'error', text: t('consultation.error.missing', { fields: t('consultation.signOff.by') }) }); return; }
    if (!window.confirm(t('consultation.signOff.confirm'))) return;
    try {
      await api.consultation.signOff({ sessionId: session.id, approvedBy: signer.trim() });
      setNotice(null);
    } catch (error) { setNotice({ kind: 'error', text: describeError(error, locale) }); }
  };

  if (room) return <RoomView session={session} entries={list} progress={progress} onExit={() => setRoom(false)} />;
  return (
    <section className="session" data-testid="session-view" data-status={session.status}>
      <div className="session__head">
        <h3 className="session__title">{session.title}</h3>
        <span className={`consult-tag session__status--${session.status}`} data-testid="session-status">{t(`consultation.status.${session.status}`)}</span>
        <span className={progress.overdue ? 'consult-overdue' : 'consult-muted'} data-testid="session-progress">
          {t('consultation.tasks', progress)}{progress.overdue ? ` · ${t('consultation.tasksOverdue', { count: progress.overdue })}` : ''}
        </span>
        <span className="board__spacer" />
        <button type="button" className="button button--small" data-testid="session-room" onClick={() => setRoom(true)}>{t('consultation.room')}</button>
        <button type="button" className="button button--small" data-testid="session-minutes-md" onClick={() => void minutes('md')}>{t('consultation.minutesMd')}</button>
        <button type="button" className="button button--small" data-testid="session-minutes-pdf" onClick={() => void minutes('pdf')}>{t('consultation.minutesPdf')}</button>
      </div>
      {notice && <div className={notice.kind === 'error' ? 'form-issues' : 'form-done'} role="status" data-testid="session-notice">{notice.text}</div>}
      <div className="session__meta">
        <AttendanceList session={session} />
        <div>
          <h4 className="consult-subheading">{t('consultation.agenda')}</h4>
          <ol className="session__agenda">{(session.agenda ?? []).map((item, index) => <li key={index}>{item}</li>)}</ol>
        </div>
      </div>
      <h4 className="consult-subheading">{t('consultation.entries')}</h4>
      <EntryList entries={list} tasks={byId} boundaries={boundaries} {...(open ? { onCorrect: setCorrecting } : {})} />
      {open ? (
        <>
          <EntryComposer session={session} districts={districts} correcting={correcting} onCancelCorrection={() => setCorrecting(null)} />
          <div className="consult-inline session__signoff">
            <input className="input" value={signer} maxLength={60} placeholder={t('consultation.signOff.by')} aria-label={t('consultation.signOff.by')} data-testid="session-signer" onChange={(event) => setSigner(event.target.value)} />
            <button type="button" className="button" data-testid="session-signoff" onClick={() => void signOff()}>{t('consultation.signOff')}</button>
          </div>
        </>
      ) : <p className="consult-muted">{t('consultation.closedNote', { time: formatTime(session.closedAt, locale, 'short') })}</p>}
    </section>
  );
}
