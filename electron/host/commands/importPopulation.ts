import path from 'node:path';
import { importCall, readImportText, type Output } from './command.ts';

/**
 * `import population FILE.csv`: the population table alerts estimate people covered with
 * (columns code,people and name, as_of, source; --source and --as-of fill the last two when
 * the file has none). Checked whole against the region; a refused file changes nothing.
 */
export async function importPopulation(file: string, values: Record<string, string | boolean | undefined>, out: Output): Promise<number> {
  const text = readImportText(file, out);
  if (text === null) return 2;
  const fileName = path.basename(file);
  return importCall(values, out, 'population:import', {
    fileName, text,
    ...(typeof values.source === 'string' ? { source: values.source } : {}),
    ...(typeof values['as-of'] === 'string' ? { asOf: values['as-of'] } : {}),
  }, (summary) => {
    const sources = summary.sources.map((source) => `${source.source} (${source.asOf})`).join('; ');
    out.event('imported', { kind: 'population', file: fileName, rows: summary.rows, total: summary.total, sources: summary.sources },
      `Imported ${summary.rows} population figure(s) from ${fileName}: the region counts ${summary.total.toLocaleString('en-US')} people. Source: ${sources}.`);
  });
}
