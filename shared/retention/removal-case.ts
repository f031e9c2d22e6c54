import { z } from 'zod';
import type { Role } from '../domain/user.js';
import { idSchema } from '../domain/common.js';
import { addMonths, daysBetween, isAfter, isoDateSchema, type IsoDate } from '../subscription/dates.js';
import { keepLongerReasons, legalExceptionReasons, retentionAuditEntry, type RetentionAuditEntry } from './retention-audit.js';

/**
 * One removal of a dossier from the server and every device, and why:
 *   client_request   — the client asked (art. 7:455 BW): carried out within a month unless an
 *                      administrator records a legal exception;
 *   retention_ended  — twenty years passed (art. 7:454): offered to an administrator, who approves
 *                      or keeps it longer.
 *
 *   client_request:  open ──exception──▶ exception
 *                     └──server purge──▶ carrying_out ──every device purged──▶ completed
 *   retention_ended: awaiting_decision ──keep longer──▶ kept_longer
 *                     └──approve──▶ approved ──server purge──▶ carrying_out ──▶ completed
 *
 * The case holds the client id only until the server has removed the dossier; from then on it
 * (and the audit trail, always) names only the case id. Every transition returns the audit
 * entries it produces. Pure: no clock, today and the time come in as arguments.
 */
export const removalCaseStates = ['open', 'exception', 'awaiting_decision', 'kept_longer', 'approved', 'carrying_out', 'completed'] as const;

export const removalCaseSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  kind: z.enum(['client_request', 'retention_ended']),
  state: z.enum(removalCaseStates),
  /** Null once the server removed the dossier: nothing identifies the client any more. */
  clientId: idSchema.nullable(),
  openedOn: isoDateSchema,
  /** client_request: the day it must be done by (server and every device). */
  deadline: isoDateSchema.nullable(),
  reason: z.enum([...legalExceptionReasons, ...keepLongerReasons]).nullable(),
  keepUntil: isoDateSchema.nullable(),
  decidedBy: idSchema.nullable(),
  carriedOutOn: isoDateSchema.nullable(),
  /** The devices that held the dossier when the server removed it, and those that confirmed. */
  devicesToPurge: z.array(z.string()),
  devicesPurged: z.array(z.string()),
});
export type RemovalCase = z.infer<typeof removalCaseSchema>;

export interface Step {
  removal: RemovalCase;
  audit: RetentionAuditEntry[];
}

export class RemovalRuleError extends Error {
  constructor(
    readonly code: 'forbidden' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'RemovalRuleError';
  }
}

export interface Actor {
  userId: string;
  role: Role;
}

/**
 * "Within a month" (SPEC §4; AVG art. 12 lid 3): the same day next month, and when that day
 * does not exist, the last day of that month — 31 January → 28 (29) February. For a deadline
 * the earlier day is the safe one.
 */
export function deletionDeadline(receivedOn: IsoDate): IsoDate {
  return addMonths(receivedOn, 1);
}

export function requireAdministrator(actor: Actor, what: string): void {
  if (actor.role !== 'owner' && actor.role !== 'admin') throw new RemovalRuleError('forbidden', `Alleen een beheerder mag ${what}.`);
}

export function requireState(removal: RemovalCase, allowed: readonly RemovalCase['state'][], what: string): void {
  if (!allowed.includes(removal.state)) throw new RemovalRuleError('conflict', `Dit kan niet meer: ${what} (status ${removal.state}).`);
}

/**
 * The server removed the dossier (rows, documents, history). From here the case forgets the
 * client; `devices` are those that held the dossier and must purge it too. No device: completed.
 */
export function carriedOutOnServer(removal: RemovalCase, input: { on: IsoDate; at: string; devices: readonly string[]; removedRecords: number }): Step {
  requireState(removal, removal.kind === 'client_request' ? ['open'] : ['approved'], 'het dossier verwijderen');
  const devices = [...new Set(input.devices)].sort();
  const next: RemovalCase = { ...removal, clientId: null, state: devices.length === 0 ? 'completed' : 'carrying_out', carriedOutOn: input.on, devicesToPurge: devices, devicesPurged: [] };
  const audit = [entry(removal, input.at, 'removal.carried_out_on_server', null, { removedRecords: input.removedRecords })];
  if (next.state === 'completed') audit.push(entry(removal, input.at, 'removal.completed', null));
  return { removal: next, audit };
}

/**
 * A device confirmed that it purged the dossier (after its sync pulled the purge), or it was
 * wiped or revoked. Idempotent: a repeated confirmation changes nothing and logs nothing.
 */
export function purgedOnDevice(removal: RemovalCase, input: { deviceId: string; at: string }): Step {
  requireState(removal, ['carrying_out', 'completed'], 'een apparaat bevestigen');
  if (!removal.devicesToPurge.includes(input.deviceId) || removal.devicesPurged.includes(input.deviceId)) return { removal, audit: [] };
  const devicesPurged = [...removal.devicesPurged, input.deviceId].sort();
  const done = removal.devicesToPurge.every((device) => devicesPurged.includes(device));
  const next: RemovalCase = { ...removal, devicesPurged, state: done ? 'completed' : 'carrying_out' };
  const audit = [entry(removal, input.at, 'removal.purged_on_device', null, { deviceId: input.deviceId })];
  if (done) audit.push(entry(removal, input.at, 'removal.completed', null));
  return { removal: next, audit };
}

export interface RemovalStatus {
  state: RemovalCase['state'];
  /** Devices still to purge. */
  pendingDevices: string[];
  /** client_request not completed by its deadline (and no exception). */
  overdue: boolean;
  /** Days until the deadline (negative when past); null without a deadline. */
  daysLeft: number | null;
}

export function removalStatus(removal: RemovalCase, today: IsoDate): RemovalStatus {
  const pendingDevices = removal.devicesToPurge.filter((device) => !removal.devicesPurged.includes(device));
  const running = removal.state === 'open' || removal.state === 'carrying_out';
  const deadline = removal.kind === 'client_request' ? removal.deadline : null;
  return {
    state: removal.state,
    pendingDevices,
    overdue: running && deadline !== null && isAfter(today, deadline),
    daysLeft: deadline === null ? null : daysBetween(today, deadline),
  };
}

export function entry(
  removal: RemovalCase,
  at: string,
  event: RetentionAuditEntry['event'],
  actorUserId: string | null,
  extra: { deviceId?: string; reason?: RetentionAuditEntry['reason']; until?: IsoDate; removedRecords?: number } = {},
): RetentionAuditEntry {
  return retentionAuditEntry({ at, organisationId: removal.organisationId, event, caseId: removal.id, actorUserId, ...extra });
}
