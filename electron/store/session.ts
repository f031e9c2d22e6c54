import { AccessLogService } from './access-log-service.js';
import { AppointmentRepository } from './appointments.js';
import { ClientList } from './client-list.js';
import { ClientList } from './client-list.js';
import { ClientRepository } from './clients.js';
import { ContactRepository } from './contacts.js';
import { DocumentRepository } from './documents.js';
import { DossierAccessRepository } from './dossier-access.js';
import { DraftRepository } from './drafts.js';
import { ReportRepository } from './reports.js';
import { Scope, type StoreServices } from './scope.js';
import { SearchService } from './search.js';
import { SettingsRepository } from './settings.js';
import { TimeRegistrationRepository } from './time-registrations.js';

/**
 * Everything one user may do with the store. Each method checks rights, validates input, and
 * writes its access-log and outbox entries in the same transaction as the data.
 */
export class DossierSession {
  readonly clients: ClientRepository;
  readonly clientList: ClientList;
  readonly clientList: ClientList;
  readonly contacts: ContactRepository;
  readonly appointments: AppointmentRepository;
  readonly time: TimeRegistrationRepository;
  readonly drafts: DraftRepository;
  readonly settings: SettingsRepository;
  readonly reports: ReportRepository;
  readonly documents: DocumentRepository;
  readonly access: DossierAccessRepository;
  readonly search: SearchService;
  readonly accessLog: AccessLogService;

  constructor(services: StoreServices, userId: string, onBehalfOf: string | null) {
    const scope = new Scope(services, userId, onBehalfOf);
    this.clients = new ClientRepository(scope);
    this.clientList = new ClientList(scope);
    this.clientList = new ClientList(scope);
    this.reports = new ReportRepository(scope, this.clients);
    this.contacts = new ContactRepository(scope, this.clients);
    this.appointments = new AppointmentRepository(scope);
    this.time = new TimeRegistrationRepository(scope, this.clients);
    this.drafts = new DraftRepository(scope);
    this.settings = new SettingsRepository(scope);
    this.documents = new DocumentRepository(scope, this.clients);
    this.access = new DossierAccessRepository(scope);
    this.search = new SearchService(scope);
    this.accessLog = new AccessLogService(scope, this.clients);
  }
}
