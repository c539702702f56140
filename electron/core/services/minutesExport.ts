import type { MinutesFile } from '../../../shared/ipc/contracts/consultation.ts';
import type { Store } from '../store/storeClient.ts';
import { minutesData } from './minutesData.ts';
import { minutesMarkdown } from './minutesMarkdown.ts';
import { minutesPdf } from './minutesPdf.ts';
import type { MinutesLocale } from './minutesLabels.ts';

/** A session's minutes as a file the UI can save: Markdown text or a base64 PDF. */
export async function minutesFile(store: Store, sessionId: string, format: 'md' | 'pdf', locale: MinutesLocale): Promise<MinutesFile> {
  const data = await minutesData(store, sessionId);
  const day = data.session.startedAt.slice(0, 10);
  const fileName = `minutes-${day}-${sessionId.slice(0, 11)}.${format}`;
  if (format === 'md') return { fileName, mimeType: 'text/markdown; charset=utf-8', encoding: 'utf8', content: minutesMarkdown(data, locale) };
  return { fileName, mimeType: 'application/pdf', encoding: 'base64', content: (await minutesPdf(data, locale)).toString('base64') };
}
