import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost, type Host } from '../../electron/host/hostServer.ts';
import { readCapDocument } from '../../shared/cap/capDocument.ts';
import { alertTemplate } from '../../shared/cap/templates.ts';

let core: ConsoleCore;
let host: Host;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-alert-feed-'));
  core = await createConsoleCore({ dataDir, nodeId: 'city-feed', synchronous: 'NORMAL' });
  host = await startHost({ core, port: 0, staticDir: path.join(dataDir, 'no-static') });
}, 120_000);
afterAll(async () => {
  await host.close();
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /alerts.atom', () => {
  it('serves the issued alerts as an Atom feed of CAP 1.2 messages, and no drafts', async () => {
    const template = alertTemplate('rainstorm')!;
    const compose = () => core.handlers['alerts:saveDraft']({
      event: template.event, categories: template.categories, responseTypes: template.responseTypes, urgency: template.urgency,
      severity: template.severity, certainty: template.certainty, texts: template.texts, groups: template.groups,
      areas: [{ description: '黄浦区', codes: ['310101000000'] }], namedAreaIds: [], exercise: true,
    });
    const draft = await compose();
    await core.handlers['alerts:review']({ id: draft.id });
    const issued = await core.handlers['alerts:issue']({ id: draft.id });
    const stillDraft = await compose();

    const base = `http://127.0.0.1:${host.port}/alerts.atom`;
    expect((await fetch(base)).status).toBe(401);
    const response = await fetch(`${base}?token=${host.token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const feed = readCapDocument(await response.text());
    expect(feed.kind).toBe('atom');
    const ids = feed.alerts.map((alert) => alert.id);
    expect(ids).toContain(issued.id);
    expect(ids).not.toContain(stillDraft.id);
    const { state: _state, steps: _steps, ...content } = issued;
    expect(feed.alerts.find((alert) => alert.id === issued.id)).toEqual(content);
    expect(feed.alerts.find((alert) => alert.id === issued.id)!.status).toBe('Exercise');
  });
});
