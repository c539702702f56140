import fs from 'node:fs';
import path from 'node:path';
import type { PopulationSummary } from '../../../shared/ipc/contracts/population.ts';
import { createConsoleCore } from '../../core/consoleCore.ts';
import { cliCall, type Output } from './command.ts';

/**
 * `import population FILE.csv`: the population table alerts estimate people covered with
 * (columns code,people and name, as_of, source; --source and --as-of fill the last two when
 * the file has none). Checked whole against the region; a refused file changes nothing.
 */
export async function importPopulation(file: string, values: Record<string, string | boolean | undefined>, out: Output): Promise<number> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    out.error('INVALID_ARGUMENT', `cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const fileName = path.basename(file);
  const core = await createConsoleCore({ dataDir: path.resolve(String(values.data)) });
  try {
    const reply = await cliCall(core, 'population:import', {
      fileName, text,
      ...(typeof values.source === 'string' ? { source: values.source } : {}),
      ...(typeof values['as-of'] === 'string' ? { asOf: values['as-of'] } : {}),
    });
    if (!reply.ok) {
      out.error(reply.error.code, reply.error.message);
      return 2;
    }
    const summary = reply.result as PopulationSummary;
    const sources = summary.sources.map((source) => `${source.source} (${source.asOf})`).join('; ');
    out.event('imported', { kind: 'population', file: fileName, rows: summary.rows, total: summary.total, sources: summary.sources },
      `Imported ${summary.rows} population figure(s) from ${fileName}: the region counts ${summary.total.toLocaleString('en-US')} people. Source: ${sources}.`);
    return 0;
  } finally {
    await core.close();
  }
}
