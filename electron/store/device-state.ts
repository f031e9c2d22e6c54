import { randomBytes } from 'node:crypto';
import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '../../shared/sync/hlc.js';
import type { SqliteDatabase } from './database.js';

/**
 * Small local facts in device_state: the device id (also the HLC node id), the last HLC issued,
 * and the dossier-number series. The HLC is persisted with every write, in the write's own
 * transaction, so a restart (or a clock set back) never issues a timestamp twice.
 */
export class DeviceState {
  readonly deviceId: string;
  private hlc: Hlc;
  private readonly get;
  private readonly put;

  constructor(private readonly db: SqliteDatabase) {
    this.get = db.prepare('SELECT value FROM device_state WHERE key = ?').pluck();
    this.put = db.prepare('INSERT INTO device_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    let deviceId = this.get.get('device_id') as string | undefined;
    if (!deviceId) {
      deviceId = randomBytes(8).toString('hex');
      this.put.run('device_id', deviceId);
    }
    this.deviceId = deviceId;
    const last = this.get.get('hlc') as string | undefined;
    this.hlc = last ? parseHlc(last) : initialHlc(deviceId);
  }

  /** A new timestamp for a local write; call inside the write's transaction. */
  tick(nowMs: number): string {
    const next = tickHlc(this.hlc, nowMs);
    const text = formatHlc(next);
    this.put.run('hlc', text);
    this.hlc = next;
    return text;
  }

  /**
   * Moves the clock past a timestamp seen from elsewhere (a pulled change), so the next local
   * write is ordered after it even when this laptop's clock is behind. Throws HlcError('drift')
   * for a timestamp implausibly far in the future. Call inside the pull's transaction.
   */
  observe(remote: string, nowMs: number): void {
    const next = receiveHlc(this.hlc, parseHlc(remote), nowMs);
    this.put.run('hlc', formatHlc(next));
    this.hlc = next;
  }

  /**
   * HLC receive: moves the clock past a clock pulled from the hub, so a change made here after
   * seeing another device's change orders after it even when this computer's clock is behind.
   * The hub refuses clocks far ahead of its own, so pulled clocks are bounded. Call inside the
   * pull's transaction; if it rolls back the clock stays ahead, which is harmless (only order matters).
   */
  receive(remote: string, nowMs: number): void {
    const next = receiveHlc(this.hlc, parseHlc(remote), nowMs, Number.POSITIVE_INFINITY);
    const text = formatHlc(next);
    this.put.run('hlc', text);
    this.hlc = next;
  }

  /** The series letters of this device's dossier numbers (set once, e.g. from device registration). */
  dossierSeries(fallback: () => string): string {
    let series = this.get.get('dossier_series') as string | undefined;
    if (!series) {
      series = fallback();
      this.put.run('dossier_series', series);
    }
    return series;
  }

  setDossierSeries(series: string): void {
    this.put.run('dossier_series', series);
  }

  /** Next value of a counter; call inside the write's transaction so a rollback returns the number. */
  nextCounter(name: string): number {
    const value = Number((this.get.get(`counter:${name}`) as string | undefined) ?? '0') + 1;
    this.put.run(`counter:${name}`, String(value));
    return value;
  }
}
