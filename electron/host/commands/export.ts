import fs from 'node:fs';
import path from 'node:path';
import { createConsoleCore } from '../../core/consoleCore.ts';
import { common, type Command, cliCall } from './command.ts';

/** `export alert ID --out FILE.xml`: an issued alert as CAP 1.2 XML. */
export const exportCommand: Command = {
  summary: 'export a record to a file: alert (an issued alert as CAP 1.2 XML)',
  usage: 'resilience-console export alert ID --out FILE.xml [--data DIR] [--json]',
  options: { ...common, out: { type: 'string', short: 'o' } },
  positionals: ['KIND', 'ID'],
  async run(values, out, positionals) {
    const [kind, id] = positionals;
    if (kind !== 'alert' || !id || positionals.length !== 2) {
      out.error('INVALID_ARGUMENT', `expected "export alert ID --out FILE.xml", got "export ${positionals.join(' ')}"`);
      return 2;
    }
    if (typeof values.out !== 'string' || values.out.trim() === '') {
      out.error('INVALID_ARGUMENT', 'export alert needs --out FILE.xml (where to write the CAP message)');
      return 2;
    }
    const core = await createConsoleCore({ dataDir: path.resolve(String(values.data)) });
    try {
      const reply = await cliCall(core, 'alerts:export', { id });
      if (!reply.ok) {
        out.error(reply.error.code, reply.error.message);
        return 2;
      }
      const { xml } = reply.result as { xml: string };
      const target = path.resolve(values.out);
      fs.writeFileSync(target, xml);
      out.event('exported', { kind: 'alert', id, file: target, bytes: Buffer.byteLength(xml) }, `Exported alert ${id} as CAP 1.2 to ${target} (${Buffer.byteLength(xml)} bytes).`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
