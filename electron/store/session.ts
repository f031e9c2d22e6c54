import { AccessLogService } from './access-log-service.js';
import { ClientRepository } from './clients.js';
import { DocumentRepository } from './documents.js';
import { DossierAccessRepository } from './dossier-access.js';
import { ReportRepository } from './reports.js';
import { Scope, type StoreServices } from './scope.js';
import { SearchService } from './search.js';

/**
 * Everything one user may do with the store. Each method checks rights, validates input, and
 * writes its access-log and outbox entries in the same transaction as the data.
 */
export class DossierSession {
  readonly clients: ClientRepository;
  readonly reports: ReportRepository;
  readonly documents: DocumentRepository;
  readonly access: DossierAccessRepository;
  readonly search: SearchService;
  readonly accessLog: AccessLogService;

  constructor(services: StoreServices, userId: string, onBehalfOf: string | null) {
    const scope = new Scope(services, userId, onBehalfOf);
    this.clients = new ClientRepository(scope);
    this.reports = new ReportRepository(scope, this.clients);
    this.documents = new DocumentRepository(scope, this.clients);
    this.access = new DossierAccessRepository(scope);
    this.search = new SearchService(scope);
    this.accessLog = new AccessLogService(scope, this.clients);
  }
}
