import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../../shared/sync/hlc.js';
import { syncLimits } from '../../shared/sync/limits.js';
import type { Mutation } from '../../shared/sync/protocol.js';
import type { TestDevice } from '../../electron/sync/testing/devices.js';
import type { SyncTransport } from '../../electron/sync/sync-transport.js';
import { categories, pick, reportBody } from '../store/dataset.js';

/**
 * The bench's dataset, put on the hub the way a device would: pushes over HTTP, in batches, of
 * mutations shaped exactly like the device's outbox makes them (templates taken from a real
 * device's outbox: one dossier with its access row, one report, one edit). Typing 200,000 reports
 * through a device store first would take most of the bench's time and measure nothing asked for.
 */
export class HubDataset {
  private counter = 0;
  private readonly templates: { client: Mutation; access: Mutation; report: Mutation; edit: Mutation };

  constructor(
    private readonly device: TestDevice,
    private readonly random: () => number,
  ) {
    const me = device.store.session(device.userId);
    const client = me.clients.create({ firstName: 'Sjabloon', lastName: 'Cliënt', birthDate: '1940-01-01', status: 'in_zorg' });
    const report = me.reports.create({ clientId: client.id, occurredAt: '2026-01-01T08:00:00.000Z', category: 'ADL', body: 'Sjabloon.' });
    me.reports.update(report.id, { category: 'Algemeen' });
    const outbox = device.sync().outbox.first(100).map((entry) => entry.mutation);
    const find = (test: (mutation: Mutation) => boolean, what: string) => {
      const found = outbox.find(test);
      if (!found) throw new Error(`no ${what} in the device's outbox: ${JSON.stringify(outbox.map((m) => [m.table, m.op]))}`);
      return found;
    };
    this.templates = {
      client: find((m) => m.table === 'clients' && m.rowId === client.id, 'dossier'),
      access: find((m) => m.table === 'dossier_access' && m.clientId === client.id, 'access row'),
      report: find((m) => m.table === 'reports' && m.rowId === report.id && m.changes.some((c) => c.field === 'body'), 'report'),
      edit: find((m) => m.table === 'reports' && m.rowId === report.id && !m.changes.some((c) => c.field === 'body'), 'report edit'),
    };
    // This device never runs its engine: the templates in its outbox never go up.
  }

  /** A clock of the template device, always moving forward. */
  private hlc(): string {
    this.counter += 1;
    return formatHlc({ wallMs: Date.now(), counter: this.counter % 0xffff, node: this.device.store.deviceId });
  }

  /** A copy of `template` for another row: its ids replaced, some fields set, fresh clocks. */
  private from(template: Mutation, ids: Record<string, string>, fields: Record<string, unknown>): Mutation {
    const swap = (value: unknown) => (typeof value === 'string' && ids[value] ? ids[value] : value);
    const hlc = this.hlc();
    return {
      ...template,
      mutationId: uuidv7(),
      rowId: swap(template.rowId) as string,
      clientId: swap(template.clientId) as string | null,
      changes: template.changes.map((change) => ({ ...change, value: (change.field in fields ? fields[change.field] : swap(change.value)) as typeof change.value, hlc })),
    };
  }

  /** New dossiers, each with its access row for the device's user. */
  dossiers(count: number): { clientIds: string[]; mutations: Mutation[] } {
    const { client, access } = this.templates;
    const clientIds: string[] = [];
    const mutations: Mutation[] = [];
    for (let i = 0; i < count; i++) {
      const id = uuidv7();
      clientIds.push(id);
      mutations.push(this.from(client, { [client.rowId]: id }, { lastName: `Cliënt ${i}`, dossierNumber: `BENCH-${String(i).padStart(5, '0')}` }));
      mutations.push(this.from(access, { [access.rowId]: uuidv7(), [client.rowId]: id }, {}));
    }
    return { clientIds, mutations };
  }

  /** Reports spread evenly over the dossiers (made as they are pushed: 200,000 need not sit in memory). */
  *reports(clientIds: string[], count: number): Generator<Mutation> {
    const { report, client } = this.templates;
    for (let i = 0; i < count; i++) {
      const fields = { occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), category: pick(this.random, categories), body: reportBody(this.random) };
      yield this.from(report, { [report.rowId]: uuidv7(), [client.rowId]: clientIds[i % clientIds.length]! }, fields);
    }
  }

  /** An edit of one structured field of existing reports (as made on another device). */
  edits(reports: Array<{ id: string; clientId: string }>): Mutation[] {
    const { edit, client } = this.templates;
    return reports.map((row) => this.from(edit, { [edit.rowId]: row.id, [client.rowId]: row.clientId }, { category: pick(this.random, categories) }));
  }

  /** Pushes mutations in batches, as the device would; throws on anything not applied. */
  async push(transport: SyncTransport, mutations: Iterable<Mutation>, batch = syncLimits.mutationsPerPush): Promise<number> {
    let pending: Mutation[] = [];
    let pushed = 0;
    const send = async () => {
      const answer = await transport.push({ protocolVersion: 1, deviceId: this.device.deviceId, hlcNode: this.device.store.deviceId, serverEpoch: null, mutations: pending });
      const refused = answer.results.find((result) => result.status !== 'applied');
      if (refused) throw new Error(`the hub did not apply a bench mutation: ${JSON.stringify(refused)}`);
      pushed += pending.length;
      pending = [];
    };
    for (const mutation of mutations) {
      pending.push(mutation);
      if (pending.length === batch) await send();
    }
    if (pending.length > 0) await send();
    return pushed;
  }
}
