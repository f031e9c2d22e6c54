import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { idSchema } from '../../shared/domain/common.js';
import {
  allocationCreateSchema,
  timeRegistrationCreateSchema,
  timeRegistrationUpdateSchema,
  type Allocation,
  type AllocationCreate,
  type TimeRegistration,
  type TimeRegistrationCreate,
  type TimeRegistrationUpdate,
} from '../../shared/domain/time-registration.js';
import type { ClientGuard } from './client-guard.js';
import type { Actor } from './rights.js';
import { allocations, timeRegistrations } from './schema.js';
import type { Scope } from './scope.js';
import { StoreError } from './store-error.js';
import { notFound, validate } from './validate.js';

/**
 * Time registration per client and allocation (beschikking). A registration is the basis of a
 * declaration: once declared it is locked, like a locked report, and corrections are new entries.
 */
export class TimeRegistrationRepository {
  constructor(
    private readonly scope: Scope,
    private readonly clients: ClientGuard,
  ) {}

  createAllocation(input: AllocationCreate): Allocation {
    const data = validate(allocationCreateSchema, input);
    return this.scope.transact((actor) => {
      this.clients.require(actor, data.clientId, 'edit', 'allocation.create', 'C');
      const { id: requestedId, ...fields } = data;
      const { id } = this.scope.services.writer.insert(allocations, actor.organisationId, { ...fields, volume: fields.volume ?? null, endDate: fields.endDate ?? null }, data.clientId, requestedId);
      this.scope.audit(actor, 'C', 'allocation.create', data.clientId, 'allocation', id);
      return this.scope.services.orm.select().from(allocations).where(eq(allocations.id, id)).get() as Allocation;
    });
  }

  allocations(clientId: string): Allocation[] {
    validate(idSchema, clientId);
    return this.scope.read((actor) => {
      this.clients.require(actor, clientId, 'read', 'allocation.list', 'R');
      const rows = this.scope.services.orm.select().from(allocations).where(and(eq(allocations.clientId, clientId), isNull(allocations.deletedAt))).orderBy(allocations.startDate).all() as Allocation[];
      this.scope.audit(actor, 'R', 'allocation.list', clientId, 'allocation-list', null, `${rows.length}`);
      return rows;
    });
  }

  create(input: TimeRegistrationCreate): TimeRegistration {
    const data = validate(timeRegistrationCreateSchema, input);
    return this.scope.transact((actor) => {
      this.clients.require(actor, data.clientId, 'edit', 'time.create', 'C');
      if (data.allocationId) this.requireAllocation(data.allocationId, data.clientId);
      const { id: requestedId, ...fields } = data;
      const { id } = this.scope.services.writer.insert(
        timeRegistrations,
        actor.organisationId,
        { ...fields, userId: actor.userId, allocationId: fields.allocationId ?? null, appointmentId: fields.appointmentId ?? null, note: fields.note ?? null, declaredAt: null },
        data.clientId,
        requestedId,
      );
      this.scope.audit(actor, 'C', 'time.create', data.clientId, 'time-registration', id);
      return this.load(id)!;
    });
  }

  list(clientId: string): TimeRegistration[] {
    validate(idSchema, clientId);
    return this.scope.read((actor) => {
      this.clients.require(actor, clientId, 'read', 'time.list', 'R');
      const rows = this.scope.services.orm
        .select()
        .from(timeRegistrations)
        .where(and(eq(timeRegistrations.clientId, clientId), isNull(timeRegistrations.deletedAt)))
        .orderBy(desc(timeRegistrations.date))
        .all() as TimeRegistration[];
      this.scope.audit(actor, 'R', 'time.list', clientId, 'time-list', null, `${rows.length}`);
      return rows;
    });
  }

  update(id: string, patch: TimeRegistrationUpdate): TimeRegistration {
    validate(idSchema, id);
    const data = validate(timeRegistrationUpdateSchema, patch);
    return this.scope.transact((actor) => {
      const row = this.requireEditable(actor, id, 'time.update', 'U');
      if (data.allocationId) this.requireAllocation(data.allocationId, row.clientId);
      const { changes } = this.scope.services.writer.update(timeRegistrations, row, data, row.clientId);
      if (Object.keys(changes).length > 0) this.scope.audit(actor, 'U', 'time.update', row.clientId, 'time-registration', id, Object.keys(changes).join(','));
      return this.load(id)!;
    });
  }

  delete(id: string): void {
    validate(idSchema, id);
    this.scope.transact((actor) => {
      const row = this.requireEditable(actor, id, 'time.delete', 'D');
      this.scope.services.writer.softDelete(timeRegistrations, row, row.clientId);
      this.scope.audit(actor, 'D', 'time.delete', row.clientId, 'time-registration', id);
    });
  }

  /** Administrators mark registrations as declared (sent to the municipality); from then on they are locked. */
  markDeclared(ids: string[]): void {
    for (const id of ids) validate(idSchema, id);
    this.scope.transact((actor) => {
      this.scope.services.rights.requireAdministrator(actor, { action: 'U', event: 'time.declare', clientId: null, objectType: 'time-registration', objectId: null });
      const rows = this.scope.services.orm.select().from(timeRegistrations).where(inArray(timeRegistrations.id, ids)).all() as TimeRegistration[];
      if (rows.length !== ids.length) throw notFound('Een van deze tijdregistraties');
      const at = this.scope.services.now().toISOString();
      for (const row of rows) {
        if (row.organisationId !== actor.organisationId) throw notFound('Deze tijdregistratie');
        if (row.declaredAt) continue;
        this.scope.services.writer.update(timeRegistrations, row, { declaredAt: at }, row.clientId);
        this.scope.audit(actor, 'U', 'time.declare', row.clientId, 'time-registration', row.id);
      }
    });
  }

  private requireEditable(actor: Actor, id: string, event: string, action: 'U' | 'D'): TimeRegistration {
    const row = this.load(id);
    if (!row || row.organisationId !== actor.organisationId) throw notFound('Deze tijdregistratie');
    this.clients.require(actor, row.clientId, 'edit', event, action);
    const refusal = { action, event, clientId: row.clientId, objectType: 'time-registration', objectId: id };
    if (row.userId !== actor.userId) throw new StoreError('forbidden', 'Alleen wie de tijd heeft geschreven, kan die wijzigen.', { refusal });
    if (row.declaredAt) throw new StoreError('record_locked', 'Deze tijdregistratie is al gedeclareerd en ligt vast. Maak een nieuwe registratie voor een correctie.', { refusal });
    return row;
  }

  private requireAllocation(allocationId: string, clientId: string): void {
    const allocation = this.scope.services.orm.select({ clientId: allocations.clientId }).from(allocations).where(and(eq(allocations.id, allocationId), isNull(allocations.deletedAt))).get();
    if (!allocation || allocation.clientId !== clientId) throw new StoreError('invalid_input', 'Deze toewijzing hoort niet bij deze cliënt.', { issues: [{ path: 'allocationId', message: 'Kies een toewijzing van deze cliënt' }] });
  }

  private load(id: string): TimeRegistration | undefined {
    return this.scope.services.orm.select().from(timeRegistrations).where(and(eq(timeRegistrations.id, id), isNull(timeRegistrations.deletedAt))).get() as TimeRegistration | undefined;
  }
}
