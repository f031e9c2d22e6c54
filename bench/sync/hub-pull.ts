import { performance } from 'node:perf_hooks';
import { syncLimits } from '../../shared/sync/limits.js';
import type { TestDevice } from '../../electron/sync/testing/devices.js';
import { DeviceValues, syncValueKeys } from '../../electron/sync/device-values.js';

export interface HubPullFigures {
  rows: number;
  pages: number;
  ms: number;
  /** Wall time of each page request, in order. */
  pageMs: number[];
  bytes: number;
}

/**
 * The hub alone serving a whole initial sync: every page of POST /v1/sync/pull from the start, as a
 * device asks for them, but nothing applied and no zod parse here (only the cursor is read), so the
 * time is the hub's (with HTTP on loopback). The device's initial sync adds its own apply to this.
 */
export async function pullEverything(hubUrl: string, device: TestDevice): Promise<HubPullFigures> {
  const token = new DeviceValues(() => device.store.connection).get(syncValueKeys.sessionToken);
  let cursor: unknown = null;
  const figures: HubPullFigures = { rows: 0, pages: 0, ms: 0, pageMs: [], bytes: 0 };
  const t0 = performance.now();
  for (;;) {
    const started = performance.now();
    const response = await fetch(new URL('/v1/sync/pull', hubUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: 1, deviceId: device.deviceId, cursor, limit: syncLimits.pullPageRows }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`pull failed: ${response.status} ${text.slice(0, 500)}`);
    figures.pageMs.push(performance.now() - started);
    const page = JSON.parse(text) as { changes: unknown[]; cursor: unknown; hasMore: boolean };
    figures.rows += page.changes.length;
    figures.pages += 1;
    figures.bytes += text.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  figures.ms = performance.now() - t0;
  return figures;
}
