import { AccessLogService } from './access-log-service.js';
import { AppointmentRepository } from './appointments.js';
import { ClientList } from './client-list.js';
import { ClientGuard } from './client-guard.js';
import { ClientRepository } from './clients.js';
import { ContactRepository } from './contacts.js';
import { DocumentRepository } from './documents.js';
import { DossierAccessRepository } from './dossier-access.js';
import { DraftRepository } from './drafts.js';
import { ReportAccessRepository } from './report-access.js';
import { ReportRepository } from './reports.js';
import { Scope, type StoreServices } from './scope.js';
import { SearchService } from './search.js';
import { SettingsRepository } from './settings.js';
import { SyncConflictRepository } from './sync-conflicts.js';
import { TimeRegistrationRepository } from './time-registrations.js';

/**
 * Everything one user may do with the store. Each method checks rights, validates input, and
 * writes its access-log and outbox entries in the same transaction as the data.
 */
export class DossierSession {
  readonly clients: ClientRepository;
  readonly clientList: ClientList;
  readonly contacts: ContactRepository;
  readonly appointments: AppointmentRepository;
  readonly time: TimeRegistrationRepository;
  readonly drafts: DraftRepository;
  readonly settings: SettingsRepository;
  readonly reports: ReportRepository;
  readonly reportAccess: ReportAccessRepository;
  readonly documents: DocumentRepository;
  readonly access: DossierAccessRepository;
  readonly search: SearchService;
  readonly accessLog: AccessLogService;
  readonly syncConflicts: SyncConflictRepository;

  constructor(services: StoreServices, userId: string, onBehalfOf: string | null) {
    const scope = new Scope(services, userId, onBehalfOf);
    const guard = new ClientGuard(scope);
    this.clients = new ClientRepository(scope, guard);
    this.clientList = new ClientList(scope);
    this.reports = new ReportRepository(scope, guard);
    this.reportAccess = new ReportAccessRepository(scope);
    this.contacts = new ContactRepository(scope, guard);
    this.appointments = new AppointmentRepository(scope);
    this.time = new TimeRegistrationRepository(scope, guard);
    this.drafts = new DraftRepository(scope);
    this.settings = new SettingsRepository(scope);
    this.documents = new DocumentRepository(scope, guard);
    this.access = new DossierAccessRepository(scope);
    this.search = new SearchService(scope);
    this.accessLog = new AccessLogService(scope, guard);
    this.syncConflicts = new SyncConflictRepository(scope);
  }
}
