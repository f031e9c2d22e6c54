import { syncValueKeys } from '../device-values.js';
import type { TestDevice } from './devices.js';
import { sampleClient } from './devices.js';

/** A small seeded generator (mulberry32): a failing fault test prints its seed and runs again the same way. */
export function seededRandom(seed: number): { next(): number; int(below: number): number; pick<T>(items: readonly T[]): T } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (below) => Math.floor(next() * below), pick: (items) => items[Math.floor(next() * items.length)]! };
}

/** The seed of a fault test: SYNC_FAULT_SEED to replay one, else a fresh one (printed on failure). */
export function faultSeed(): number {
  const fromEnv = process.env.SYNC_FAULT_SEED;
  return fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
}

/**
 * Random offline edits on one device, with the values they must end up with: new dossiers, new
 * reports, a line added to a report (narrative text, typed on top of the current version) and
 * changed phone numbers (structured). `expected` is what the device's person typed last, so after
 * any faults every device must show exactly this.
 */
export class FaultWorkload {
  readonly expected = new Map<string, Record<string, string>>();
  /** Every mutation id this workload put in the outbox. */
  readonly mutationIds = new Set<string>();
  private readonly clients: string[] = [];
  private readonly reports: string[] = [];
  private counter = 0;

  constructor(
    private readonly label: string,
    private readonly random: ReturnType<typeof seededRandom>,
  ) {}

  edit(device: TestDevice, count: number): void {
    const me = device.store.session(device.userId);
    for (let i = 0; i < count; i++) {
      const n = ++this.counter;
      const roll = this.clients.length === 0 ? 0 : this.random.int(10);
      if (roll === 0) {
        const client = me.clients.create({ ...sampleClient, lastName: `${this.label}-${n}` });
        this.clients.push(client.id);
        this.expected.set(client.id, { lastName: `${this.label}-${n}` });
      } else if (roll <= 3 || this.reports.length === 0) {
        const body = `${this.label} rapport ${n}`;
        const report = me.reports.create({ clientId: this.random.pick(this.clients), occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body });
        this.reports.push(report.id);
        this.expected.set(report.id, { body });
      } else if (roll <= 7) {
        const id = this.random.pick(this.reports);
        const body = `${me.reports.get(id).body}\nregel ${n}`;
        me.reports.update(id, { body });
        this.expected.set(id, { body });
      } else {
        const id = this.random.pick(this.clients);
        const phone = `06-${String(10_000_000 + n).slice(-8)}`;
        me.clients.update(id, { phone });
        this.expected.set(id, { ...this.expected.get(id), phone });
      }
    }
    for (const id of device.sync().db.prepare('SELECT mutation_id FROM outbox').pluck().all() as string[]) this.mutationIds.add(id);
  }

  /** Differences between what the device shows and what was typed (empty: nothing lost). */
  differences(device: TestDevice): string[] {
    const me = device.store.session(device.userId);
    const problems: string[] = [];
    for (const [id, fields] of this.expected) {
      let row: Record<string, unknown>;
      try {
        row = this.reports.includes(id) ? me.reports.get(id) : me.clients.get(id);
      } catch (error) {
        // Say which row and why, with what the device holds of the dossier: its row, its access rows, their shadows.
        const db = device.sync().db;
        const clientId = this.reports.includes(id) ? (db.prepare('SELECT client_id FROM reports WHERE id = ?').pluck().get(id) as string | undefined) : id;
        const held = {
          clientRow: clientId ? db.prepare('SELECT id, server_seq FROM clients WHERE id = ?').get(clientId) ?? null : null,
          accessRows: db.prepare('SELECT id, user_id, server_seq FROM dossier_access WHERE client_id = ?').all(clientId ?? ''),
          shadows: db.prepare("SELECT table_name, row_id, state FROM sync_shadows WHERE row_id = ? OR (table_name = 'dossier_access' AND state LIKE ?)").all(clientId ?? '', `%${clientId ?? '-'}%`),
          cursor: device.sync().values.get(syncValueKeys.cursor),
        };
        problems.push(`${this.label} ${this.reports.includes(id) ? 'report' : 'client'} ${id} not readable: ${(error as Error).message}; the device holds ${JSON.stringify(held)}`);
        continue;
      }
      for (const [field, value] of Object.entries(fields)) {
        if (row[field] !== value) problems.push(`${id}.${field}: ${JSON.stringify(row[field])} ≠ typed ${JSON.stringify(value)}`);
      }
    }
    return problems;
  }
}

/** Every synced row of the tables the workload writes, as the device holds them (values and clocks). */
export function syncedState(device: TestDevice): Record<string, unknown> {
  const sync = device.sync();
  const state: Record<string, unknown> = {};
  for (const table of ['clients', 'reports'] as const) {
    for (const id of sync.db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[]) {
      state[`${table}/${id}`] = sync.rows.read(table, id)?.state;
    }
  }
  return state;
}
