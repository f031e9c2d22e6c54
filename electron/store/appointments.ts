import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import {
  appointmentCreateSchema,
  appointmentUpdateSchema,
  type Appointment,
  type AppointmentCreate,
  type AppointmentUpdate,
} from '../../shared/domain/appointment.js';
import { idSchema, isoDateTimeSchema } from '../../shared/domain/common.js';
import { isAdministrator } from '../../shared/domain/user.js';
import { z } from 'zod';
import type { Actor } from './rights.js';
import { appointments } from './schema.js';
import type { Scope } from './scope.js';
import { StoreError, type Refusal } from './store-error.js';
import { notFound, validate } from './validate.js';

const rangeSchema = z.object({ from: isoDateTimeSchema, to: isoDateTimeSchema }).strict();

/**
 * Agenda. An appointment is visible to its practitioners and to anyone who may read every client
 * on it; changing it needs edit access to each of its clients, and being on it (or an admin).
 * The past agenda can be locked permanently, after which the appointment never changes.
 * Access-log entries are written per client on the appointment, so the client's overview is complete.
 */
export class AppointmentRepository {
  constructor(private readonly scope: Scope) {}

  create(input: AppointmentCreate): Appointment {
    const data = validate(appointmentCreateSchema, input);
    return this.scope.transact((actor) => {
      this.requireMayWrite(actor, data.practitionerIds, data.clientIds, { action: 'C', event: 'appointment.create', clientId: data.clientIds[0] ?? null, objectType: 'appointment', objectId: null });
      const { id: requestedId, ...fields } = data;
      const { id } = this.scope.services.writer.insert(
        appointments,
        actor.organisationId,
        { ...fields, location: fields.location ?? null, notes: fields.notes ?? null, lockedAt: null },
        fields.clientIds[0] ?? null,
        requestedId,
      );
      this.auditPerClient(actor, 'C', 'appointment.create', fields.clientIds, id);
      return this.load(id)!;
    });
  }

  /** Appointments overlapping [from, to) that this user may see. */
  listRange(from: string, to: string): Appointment[] {
    validate(rangeSchema, { from, to });
    return this.scope.read((actor) => {
      const rows = this.scope.services.orm
        .select()
        .from(appointments)
        .where(and(lt(appointments.startsAt, to), gt(appointments.endsAt, from), eq(appointments.organisationId, actor.organisationId), isNull(appointments.deletedAt)))
        .orderBy(appointments.startsAt)
        .all() as Appointment[];
      const visible = rows.filter((a) => this.mayRead(actor, a));
      this.scope.audit(actor, 'R', 'appointment.list', null, 'appointment-list', null, `${visible.length}`);
      return visible;
    });
  }

  update(appointmentId: string, patch: AppointmentUpdate): Appointment {
    validate(idSchema, appointmentId);
    const data = validate(appointmentUpdateSchema, patch);
    return this.scope.transact((actor) => {
      const current = this.requireEditable(actor, appointmentId, 'appointment.update', 'U');
      const practitionerIds = data.practitionerIds ?? current.practitionerIds;
      const clientIds = data.clientIds ?? current.clientIds;
      const startsAt = data.startsAt ?? current.startsAt;
      const endsAt = data.endsAt ?? current.endsAt;
      if (Date.parse(endsAt) <= Date.parse(startsAt)) {
        throw new StoreError('invalid_input', 'Het einde van de afspraak ligt niet na het begin', { issues: [{ path: 'endsAt', message: 'Het einde ligt niet na het begin' }] });
      }
      this.requireMayWrite(actor, practitionerIds, clientIds, { action: 'U', event: 'appointment.update', clientId: clientIds[0] ?? null, objectType: 'appointment', objectId: appointmentId });
      const { changes } = this.scope.services.writer.update(appointments, current, data, clientIds[0] ?? null);
      if (Object.keys(changes).length > 0) this.auditPerClient(actor, 'U', 'appointment.update', [...new Set([...current.clientIds, ...clientIds])], appointmentId);
      return this.load(appointmentId)!;
    });
  }

  delete(appointmentId: string): void {
    validate(idSchema, appointmentId);
    this.scope.transact((actor) => {
      const current = this.requireEditable(actor, appointmentId, 'appointment.delete', 'D');
      this.scope.services.writer.softDelete(appointments, current, current.clientIds[0] ?? null);
      this.auditPerClient(actor, 'D', 'appointment.delete', current.clientIds, appointmentId);
    });
  }

  /** Locks every appointment that ended before `before`: administrators for everyone, others their own. Returns how many. */
  lockPast(before: string): number {
    validate(isoDateTimeSchema, before);
    return this.scope.transact((actor) => {
      const rows = this.scope.services.orm
        .select()
        .from(appointments)
        .where(and(lt(appointments.endsAt, before), isNull(appointments.lockedAt), isNull(appointments.deletedAt), eq(appointments.organisationId, actor.organisationId)))
        .all() as Appointment[];
      const mine = isAdministrator(actor.role) ? rows : rows.filter((a) => a.practitionerIds.includes(actor.userId));
      const at = this.scope.services.now().toISOString();
      for (const appointment of mine) this.scope.services.writer.update(appointments, appointment, { lockedAt: at }, appointment.clientIds[0] ?? null);
      this.scope.audit(actor, 'U', 'appointment.lockPast', null, 'appointment-list', null, `${mine.length} tot ${before}`);
      return mine.length;
    });
  }

  private mayRead(actor: Actor, appointment: Appointment): boolean {
    if (appointment.practitionerIds.includes(actor.userId)) return true;
    if (appointment.clientIds.length === 0) return isAdministrator(actor.role);
    return appointment.clientIds.every((clientId) => this.scope.services.rights.dossier(actor.userId, clientId).canRead);
  }

  private requireMayWrite(actor: Actor, practitionerIds: string[], clientIds: string[], refusal: Refusal): void {
    if (!practitionerIds.includes(actor.userId) && !isAdministrator(actor.role)) {
      throw new StoreError('forbidden', 'Je kunt alleen afspraken plannen waar je zelf bij bent, tenzij je beheerder bent.', { refusal });
    }
    for (const clientId of clientIds) this.scope.services.rights.requireDossier(actor, clientId, 'edit', { ...refusal, clientId });
    const known = this.scope.services.db.prepare("SELECT count(*) FROM users WHERE organisation_id = ? AND status = 'active' AND id IN (SELECT value FROM json_each(?))").pluck();
    if ((known.get(actor.organisationId, JSON.stringify([...new Set(practitionerIds)])) as number) !== new Set(practitionerIds).size) {
      throw new StoreError('invalid_input', 'Een van de gekozen zorgverleners is onbekend of gepauzeerd.', { issues: [{ path: 'practitionerIds', message: 'Onbekende zorgverlener' }] });
    }
  }

  private requireEditable(actor: Actor, id: string, event: string, action: 'U' | 'D'): Appointment {
    const current = this.load(id);
    if (!current || current.organisationId !== actor.organisationId || !this.mayRead(actor, current)) throw notFound('Deze afspraak');
    const refusal = { action, event, clientId: current.clientIds[0] ?? null, objectType: 'appointment', objectId: id };
    this.requireMayWrite(actor, current.practitionerIds, current.clientIds, refusal);
    if (current.lockedAt) throw new StoreError('record_locked', 'Deze afspraak ligt permanent vast en kan niet meer worden gewijzigd.', { refusal });
    return current;
  }

  private auditPerClient(actor: Actor, action: 'C' | 'U' | 'D', event: string, clientIds: string[], appointmentId: string): void {
    if (clientIds.length === 0) this.scope.audit(actor, action, event, null, 'appointment', appointmentId);
    for (const clientId of clientIds) this.scope.audit(actor, action, event, clientId, 'appointment', appointmentId);
  }

  private load(id: string): Appointment | undefined {
    return this.scope.services.orm.select().from(appointments).where(and(eq(appointments.id, id), isNull(appointments.deletedAt))).get() as Appointment | undefined;
  }
}
