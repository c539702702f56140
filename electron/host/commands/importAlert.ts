import fs from 'node:fs';
import path from 'node:path';
import type { AlertImportResult } from '../../../shared/ipc/contracts/alerts.ts';
import { createConsoleCore } from '../../core/consoleCore.ts';
import { cliCall, type Output } from './command.ts';

/** A CAP file's text, decoded by the encoding its XML declaration names (UTF-8 unless it says ISO-8859-1). */
export function decodeXmlFile(bytes: Buffer): string {
  const declaration = bytes.subarray(0, 200).toString('latin1');
  return /encoding\s*=\s*['"](iso-8859-1|latin-?1)['"]/i.test(declaration) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** `import alert FILE`: a CAP message, an Atom/RSS feed of them or an EDXL-DE envelope; one line per alert. */
export async function importAlert(file: string, values: Record<string, string | boolean | undefined>, out: Output): Promise<number> {
  let text: string;
  try {
    text = decodeXmlFile(fs.readFileSync(file));
  } catch (error) {
    out.error('INVALID_ARGUMENT', `cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const fileName = path.basename(file);
  const core = await createConsoleCore({ dataDir: path.resolve(String(values.data)) });
  try {
    const reply = await cliCall(core, 'alerts:import', { fileName, text });
    if (!reply.ok) {
      out.error(reply.error.code, reply.error.message);
      return 2;
    }
    const result = reply.result as AlertImportResult;
    for (const alert of result.imported) {
      const headline = alert.texts?.[0]?.headline ?? alert.event;
      out.event('alert', { id: alert.id, identifier: alert.identifier, sender: alert.sender, sent: alert.sent, status: alert.status, msgType: alert.msgType, severity: alert.severity, hazard: alert.event, areas: alert.areas.length },
        `${alert.id}  ${alert.status} ${alert.msgType} ${alert.severity}  ${alert.event} — ${headline} (${alert.areas.length} area(s))`);
    }
    for (const note of result.notes) out.event('note', { message: note }, `  note: ${note}`);
    for (const code of result.codes.filter((report) => report.outcome !== 'boundary')) out.event('code', { ...code }, `  ${code.message}`);
    out.event('imported', { kind: 'alert', format: result.kind, alerts: result.imported.length, file: fileName }, `Imported ${result.imported.length} alert(s) from ${fileName} (${result.kind}).`);
    return 0;
  } finally {
    await core.close();
  }
}
