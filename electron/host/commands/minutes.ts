import fs from 'node:fs';
import path from 'node:path';
import { minutesData, latestSessionId } from '../../core/services/minutesData.ts';
import { minutesMarkdown } from '../../core/services/minutesMarkdown.ts';
import { minutesPdf } from '../../core/services/minutesPdf.ts';
import { DATABASE_FILE, Store } from '../../core/store/storeClient.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { common, type Command } from './command.ts';

/** `minutes`: a consultation session's minutes as Markdown or PDF (Chinese with the bundled font embedded). */
export const minutesCommand: Command = {
  summary: 'write the minutes of a consultation session as Markdown or PDF',
  usage: 'resilience-console minutes --data DIR (--session ID | --latest) --format md|pdf --out FILE [--lang zh-CN|en] [--json]',
  options: {
    ...common,
    session: { type: 'string' },
    latest: { type: 'boolean', default: false },
    format: { type: 'string', default: 'md' },
    out: { type: 'string' },
    lang: { type: 'string', default: 'zh-CN' },
  },
  async run(values, out) {
    const dataDir = path.resolve(String(values.data));
    const format = String(values.format);
    const locale = String(values.lang);
    if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) {
      out.error('NOT_FOUND', `there is no console data in ${dataDir}`);
      return 2;
    }
    if ((typeof values.session === 'string') === (values.latest === true)) {
      out.error('INVALID_ARGUMENT', 'give either --session ID or --latest');
      return 2;
    }
    if (format !== 'md' && format !== 'pdf') {
      out.error('INVALID_ARGUMENT', `--format must be md or pdf, not "${format}"`);
      return 2;
    }
    if (locale !== 'zh-CN' && locale !== 'en') {
      out.error('INVALID_ARGUMENT', `--lang must be zh-CN or en, not "${locale}"`);
      return 2;
    }
    if (typeof values.out !== 'string' || values.out.trim() === '') {
      out.error('INVALID_ARGUMENT', '--out FILE is required: where to write the minutes');
      return 2;
    }
    const store = await Store.open({ dataDir });
    try {
      const sessionId = typeof values.session === 'string' ? values.session : await latestSessionId(store);
      if (!sessionId) {
        out.error('NOT_FOUND', `there is no consultation session in ${dataDir}`);
        return 2;
      }
      const data = await minutesData(store, sessionId);
      const file = path.resolve(values.out);
      const content = format === 'md' ? Buffer.from(minutesMarkdown(data, locale), 'utf8') : await minutesPdf(data, locale);
      fs.writeFileSync(file, content);
      out.event('written', { file, sessionId, format, bytes: content.length, entries: data.entries.length, tasks: data.progress },
        `Minutes of "${data.session.title}" (${data.entries.length} entries, ${data.progress.closed}/${data.progress.total} tasks closed) written to ${file} (${content.length} bytes)`);
      return 0;
    } catch (error) {
      if (error instanceof ConsoleError) {
        out.error(error.code, error.message);
        return 2;
      }
      throw error;
    } finally {
      await store.close();
    }
  },
};
