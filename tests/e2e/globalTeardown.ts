import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Removes the run's temporary data folder (only ever one this config made under the temp dir). */
export default function globalTeardown(): void {
  const dataDir = process.env.RC_E2E_DATA;
  if (dataDir && path.basename(dataDir).startsWith('resilience-e2e-') && path.dirname(dataDir) === os.tmpdir()) {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
