import fs from 'node:fs';
import path from 'node:path';
import { XML_LIMITS } from '../../../shared/cap/xmlTree.ts';
import { importCall, type Output } from './command.ts';

/** `import alert FILE`: a CAP message, an Atom/RSS feed of them or an EDXL-DE envelope; one line per alert. */
export async function importAlert(file: string, values: Record<string, string | boolean | undefined>, out: Output): Promise<number> {
  let bytes: Buffer;
  try {
    // A file over the limit is not read into memory at all.
    const size = fs.statSync(file).size;
    if (size > XML_LIMITS.maxBytes) {
      out.error('INVALID_ARGUMENT', `${file}：文件 ${(size / 1048576).toFixed(1)} MB，超过 2 MB 上限，未导入任何数据。 / ${file}: document: is ${(size / 1048576).toFixed(1)} MB; the limit is 2 MB; nothing was imported.`);
      return 2;
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    out.error('INVALID_ARGUMENT', `cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const fileName = path.basename(file);
  // The core decodes the bytes (BOM, XML declaration) and audits a refusal, as for the desktop console.
  return importCall(values, out, 'alerts:import', { fileName, base64: bytes.toString('base64') }, (result) => {
    for (const alert of result.imported) {
      const headline = alert.texts?.[0]?.headline ?? alert.event;
      out.event('alert', { id: alert.id, identifier: alert.identifier, sender: alert.sender, sent: alert.sent, status: alert.status, msgType: alert.msgType, severity: alert.severity, hazard: alert.event, areas: alert.areas.length },
        `${alert.id}  ${alert.status} ${alert.msgType} ${alert.severity}  ${alert.event} — ${headline} (${alert.areas.length} area(s))`);
    }
    for (const note of result.notes) out.event('note', { message: note }, `  note: ${note}`);
    for (const code of result.codes.filter((report) => report.outcome !== 'boundary')) out.event('code', { ...code }, `  ${code.message}`);
    out.event('imported', { kind: 'alert', format: result.kind, alerts: result.imported.length, file: fileName }, `Imported ${result.imported.length} alert(s) from ${fileName} (${result.kind}).`);
  });
}
