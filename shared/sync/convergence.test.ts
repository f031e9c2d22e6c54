import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameValue } from './opaque-value.js';
import { sameRowState, valueOf } from './row-state.js';
import { SimDevice, simAuthorId, simClientId } from './simulation/sim-device.js';
import { rowKey, SimHub, type HubBackup } from './simulation/sim-hub.js';

/**
 * Several devices edit the same reports offline; pushes and pulls interleave at random, some push
 * answers are lost (the batch is sent again), pull pages are small. Afterwards every device pushes
 * what it has and pulls to the end, and then:
 * - every device shows exactly the server's rows (values and clocks) and the same conflicts;
 * - no report text anyone typed is lost: it is current, in history, in a conflict, or in the
 *   device's list of refused changes;
 * - no mutation was merged twice, and merging one again would change nothing;
 * - a locked (signed) report never changed after it was locked.
 */
const bodyField = 'body';
const categories = ['ADL', 'Medicatie', 'Wondzorg'] as const;
const times = ['2026-03-01T08:00:00.000Z', '2026-03-01T09:30:00.000Z'] as const;

type Command =
  | { kind: 'create'; device: number }
  | { kind: 'edit'; device: number; row: number; field: 'body' | 'category' | 'occurredAt'; pick: number }
  | { kind: 'delete'; device: number; row: number }
  | { kind: 'sign'; device: number; row: number }
  | { kind: 'resolve'; device: number; pick: 'kept' | 'incoming' | 'both' }
  | { kind: 'push'; device: number; count: number; lost: boolean }
  | { kind: 'pull'; device: number; limit: number }
  | { kind: 'time'; ms: number }
  | { kind: 'backup' }
  | { kind: 'restore' };

const device = fc.nat({ max: 3 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), device }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('edit' as const), device, row: fc.nat(), field: fc.constantFrom('body' as const, 'body' as const, 'category' as const, 'occurredAt' as const), pick: fc.nat() }),
    weight: 8,
  },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), device, row: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('sign' as const), device, row: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('resolve' as const), device, pick: fc.constantFrom('kept' as const, 'incoming' as const, 'both' as const) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('push' as const), device, count: fc.integer({ min: 1, max: 4 }), lost: fc.boolean() }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('pull' as const), device, limit: fc.integer({ min: 1, max: 4 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('time' as const), ms: fc.integer({ min: 0, max: 3_000 }) }), weight: 2 },
);
/** The same, plus taking a backup of the hub and restoring the last one (a new epoch). */
const commandWithRestoreArb: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: commandArb, weight: 30 },
  { arbitrary: fc.constant({ kind: 'backup' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'restore' as const }), weight: 1 },
);

const scenarioOf = (commands: fc.Arbitrary<Command>) =>
  fc.record({
    devices: fc.integer({ min: 2, max: 4 }),
    /** Clock skew per device, ms: wrong clocks must not break convergence. */
    skews: fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 4, maxLength: 4 }),
    commands: fc.array(commands, { minLength: 10, maxLength: 150, size: 'max' }),
  });

interface Scenario {
  devices: number;
  skews: number[];
  commands: Command[];
}

function runScenario({ devices: count, skews, commands }: Scenario) {
  let now = 1_800_000_000_000;
  const hub = new SimHub(() => now);
  const devices = Array.from({ length: count }, (_, i) => new SimDevice(i, `${i + 1}`.repeat(16), `0190b8a4-7c3e-7000-8000-${String(i + 1).padStart(12, '0')}`, () => now + skews[i]!));
  const typed = new Set<string>();
  /** Texts someone had on screen when typing over them: replacing those is an edit, not an overwrite. */
  const editedOver = new Set<unknown>();
  let rowCounter = 0;
  const rowIds: string[] = [];
  let textCounter = 0;
  let backup: HubBackup | null = null;

  const create = (d: SimDevice) => {
    rowCounter += 1;
    const rowId = `0190b8a4-7c3e-7000-9000-${String(rowCounter).padStart(12, '0')}`;
    const body = `tekst ${d.index}.${++textCounter}`;
    typed.add(body);
    d.insert('reports', rowId, { clientId: simClientId, kind: 'rapportage', authorId: simAuthorId, occurredAt: times[0], category: categories[0], body, visibility: 'dossier' });
    rowIds.push(rowId);
  };

  // Two reports everyone has before going offline.
  create(devices[0]!);
  create(devices[0]!);
  devices[0]!.push(hub, 10, false);
  for (const d of devices) while (d.pull(hub, 100));

  for (const command of commands) {
    if (command.kind === 'time') {
      now += command.ms;
      continue;
    }
    if (command.kind === 'backup') {
      backup = hub.backup();
      continue;
    }
    if (command.kind === 'restore') {
      if (backup) hub.restore(backup);
      continue;
    }
    const d = devices[command.device % count]!;
    switch (command.kind) {
      case 'create':
        create(d);
        break;
      case 'edit': {
        const rowId = rowIds[command.row % rowIds.length]!;
        let value: string;
        if (command.field === 'body') {
          value = `tekst ${d.index}.${++textCounter}`;
          const mutation = d.edit('reports', rowId, 'body', value);
          if (mutation) {
            typed.add(value);
            editedOver.add(mutation.changes[0]!.baseValue);
          }
        } else {
          value = command.field === 'category' ? categories[command.pick % categories.length]! : times[command.pick % times.length]!;
          d.edit('reports', rowId, command.field, value);
        }
        break;
      }
      case 'delete':
        d.remove('reports', rowIds[command.row % rowIds.length]!);
        break;
      case 'sign':
        d.setLock('reports', rowIds[command.row % rowIds.length]!, 'signedOffAt', new Date(now).toISOString());
        break;
      case 'resolve': {
        const conflict = d.openConflicts()[0];
        if (!conflict) break;
        const incoming = conflict.incoming.value as string;
        const kept = conflict.kept.value as string | null;
        const value = command.pick === 'kept' ? kept : command.pick === 'incoming' ? incoming : `${kept ?? ''} + ${incoming}`;
        const mutation = d.edit(conflict.table, conflict.rowId, conflict.field, value, [conflict.conflictId]);
        if (mutation && typeof value === 'string' && conflict.field === bodyField) {
          typed.add(value);
          editedOver.add(mutation.changes[0]!.baseValue);
        }
        break;
      }
      case 'push':
        d.push(hub, command.count, command.lost);
        break;
      case 'pull':
        d.pull(hub, command.limit);
        break;
    }
  }

  // Back online for good: everything goes up, then everyone reads to the end (a device that finds
  // the hub restored queues what the hub lost, hence rounds).
  for (let round = 0; round < 5; round++) {
    for (const d of devices) while (d.pendingCount > 0) d.push(hub, 50, false);
    for (const d of devices) while (d.pull(hub, 7));
    if (devices.every((d) => d.pendingCount === 0)) break;
  }
  return { hub, devices, typed, editedOver };
}

function checkInvariants(scenario: Scenario): void {
  const { hub, devices, typed, editedOver } = runScenario(scenario);

  for (const d of devices) {
    expect(d.pendingCount).toBe(0);
    for (const { row } of hub.rows.values()) {
      const local = d.visible(row.table, row.id);
      expect(local, `device ${d.index} lacks ${row.id}`).not.toBeNull();
      expect(sameRowState(local!, row, sameValue), `device ${d.index} differs on ${row.id}`).toBe(true);
    }
    for (const [key, local] of d.rows) if (!hub.rows.has(key)) expect(local.visible).toBeNull();
    const deviceConflicts = [...d.conflicts].map(([id, c]) => `${id}:${c.status}`).sort();
    const hubConflicts = [...hub.conflicts].map(([id, c]) => `${id}:${c.status}`).sort();
    expect(deviceConflicts).toEqual(hubConflicts);
  }

  const kept = new Set<unknown>();
  for (const { row } of hub.rows.values()) kept.add(valueOf(row, bodyField));
  const historyOnly = new Set<unknown>();
  for (const { entry } of hub.history) if (entry.field === bodyField) historyOnly.add(entry.value);
  for (const { conflict } of hub.conflicts.values()) {
    kept.add(conflict.kept.value);
    kept.add(conflict.incoming.value);
  }
  for (const d of devices) {
    for (const r of d.rejected) for (const c of r.mutation.changes) if (c.field === bodyField) kept.add(c.value);
    // After a restore, conflicts the hub lost live on in the devices that had them.
    for (const conflict of d.localOnlyConflicts.values()) {
      kept.add(conflict.kept.value);
      kept.add(conflict.incoming.value);
    }
  }
  // A restore loses the hub's history after the backup (versions someone typed over); current
  // versions and conflicts are offered again by the devices, so those must all be there.
  const restored = devices.some((d) => d.restores > 0);
  for (const text of typed) {
    expect(kept.has(text) || historyOnly.has(text) || (restored && editedOver.has(text)), `lost text ${text}`).toBe(true);
  }
  // Stronger: a text that is no longer current nor in a conflict nor refused was replaced by
  // someone who had it on screen; otherwise it was silently overwritten (history alone is not enough).
  for (const text of typed) {
    expect(kept.has(text) || editedOver.has(text), `text silently overwritten: ${text}`).toBe(true);
  }

  for (const calls of hub.mergeCalls.values()) expect(calls).toBe(1);
  expect(hub.idempotenceViolations).toEqual([]);

  for (const [key, snapshot] of hub.lockedSnapshots) {
    const row = hub.rows.get(key)!.row;
    for (const [field, value] of Object.entries(snapshot)) expect(sameValue(valueOf(row, field), value), `${key}.${field} changed after lock`).toBe(true);
  }
}

describe('sync convergence (property)', () => {
  it('devices and hub converge; no text lost; nothing applied twice; locked rows frozen', () => {
    fc.assert(fc.property(scenarioOf(commandArb), checkInvariants), { numRuns: 1_000 });
  });

  it('the same holds when the hub is restored from an older backup in between', () => {
    fc.assert(fc.property(scenarioOf(commandWithRestoreArb), checkInvariants), { numRuns: 500 });
  });

  it('a realistic story: offline edit of the same report on two devices ends in a visible, resolvable conflict', () => {
    let now = 1_800_000_000_000;
    const hub = new SimHub(() => now);
    const laptop = new SimDevice(0, 'aaaaaaaaaaaaaaaa', '0190b8a4-7c3e-7000-8000-000000000001', () => now);
    const tablet = new SimDevice(1, 'bbbbbbbbbbbbbbbb', '0190b8a4-7c3e-7000-8000-000000000002', () => now);
    const rowId = '0190b8a4-7c3e-7000-9000-000000000001';
    laptop.insert('reports', rowId, { clientId: simClientId, kind: 'rapportage', authorId: simAuthorId, occurredAt: times[0], category: 'ADL', body: 'Mevrouw geholpen met douchen.', visibility: 'dossier' });
    laptop.push(hub, 10, false);
    tablet.pull(hub, 100);

    now += 60_000;
    laptop.edit('reports', rowId, 'body', 'Mevrouw geholpen met douchen. Huid rood bij stuit.');
    tablet.edit('reports', rowId, 'body', 'Mevrouw geholpen met douchen. Wil morgen later.');
    tablet.edit('reports', rowId, 'category', 'Wondzorg');
    tablet.push(hub, 10, false);
    laptop.push(hub, 10, false);
    const conflict = laptop.openConflicts()[0]!;
    expect(conflict).toMatchObject({ kind: 'concurrent_edit', incoming: { value: 'Mevrouw geholpen met douchen. Huid rood bij stuit.' } });
    laptop.pull(hub, 100);
    // The laptop shows the tablet's text (kept) and its own in the conflict; the category merged.
    expect(laptop.visible('reports', rowId)!.values).toMatchObject({ body: 'Mevrouw geholpen met douchen. Wil morgen later.', category: 'Wondzorg' });

    laptop.edit('reports', rowId, 'body', 'Mevrouw geholpen met douchen. Huid rood bij stuit. Wil morgen later.', [conflict.conflictId]);
    laptop.push(hub, 10, false);
    tablet.pull(hub, 100);
    laptop.pull(hub, 100);
    expect(tablet.visible('reports', rowId)!.values.body).toBe('Mevrouw geholpen met douchen. Huid rood bij stuit. Wil morgen later.');
    expect(tablet.conflicts.get(conflict.conflictId)?.status).toBe('resolved');
    expect(rowKey('reports', rowId)).toBe(`reports:${rowId}`);
  });
});
