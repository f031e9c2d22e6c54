import { and, desc, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { idSchema } from '../../shared/domain/common.js';
import { documentCreateSchema, type DocumentCreate, type DossierDocument } from '../../shared/domain/document.js';
import type { EncryptedFileInfo } from '../documents/document-cipher.js';
import type { DocumentVault } from '../documents/document-vault.js';
import type { ClientGuard } from './client-guard.js';
import { documents } from './schema.js';
import type { Scope } from './scope.js';
import { notFound, validate } from './validate.js';

/**
 * Documents in a dossier: metadata in the database, content encrypted in the document vault.
 * The file is written (and fsynced) before the row commits; if the commit fails the file is
 * removed, and files without a row are cleaned at the next unlock.
 */
export class DocumentRepository {
  constructor(
    private readonly scope: Scope,
    private readonly clients: ClientGuard,
  ) {}

  /** Stores `content` encrypted; for large files prefer addFromFile. */
  add(input: DocumentCreate, content: Uint8Array): DossierDocument {
    this.scope.services.documents.checkSize(content.length);
    return this.store(input, (vault, id) => vault.write(id, content));
  }

  /** Encrypts a file from disk chunk by chunk: memory stays bounded whatever the size (up to the limit). */
  addFromFile(input: DocumentCreate, sourcePath: string): DossierDocument {
    return this.store(input, (vault, id) => vault.writeFromFile(id, sourcePath));
  }

  private store(input: DocumentCreate, write: (vault: DocumentVault, id: string) => EncryptedFileInfo): DossierDocument {
    const data = validate(documentCreateSchema, input);
    const { documents: vault } = this.scope.services;
    const id = data.id ?? uuidv7();
    // Check rights before spending time on encryption; the transaction checks again.
    this.scope.transact((actor) => this.clients.require(actor, data.clientId, 'edit', 'document.create', 'C'));
    const info = write(vault, id);
    try {
      return this.scope.transact((actor) => {
        this.clients.require(actor, data.clientId, 'edit', 'document.create', 'C');
        const { id: _ignored, ...fields } = data;
        this.scope.services.writer.insert(
          documents,
          actor.organisationId,
          { ...fields, description: fields.description ?? null, sizeBytes: info.sizeBytes, contentHash: info.contentHash, uploadedBy: actor.userId },
          data.clientId,
          id,
        );
        this.scope.audit(actor, 'C', 'document.create', data.clientId, 'document', id);
        return this.load(id)!;
      });
    } catch (error) {
      vault.remove(id);
      throw error;
    }
  }

  list(clientId: string): DossierDocument[] {
    validate(idSchema, clientId);
    return this.scope.read((actor) => {
      this.clients.require(actor, clientId, 'read', 'document.list', 'R');
      const rows = this.scope.services.orm
        .select()
        .from(documents)
        .where(and(eq(documents.clientId, clientId), isNull(documents.deletedAt)))
        .orderBy(desc(documents.createdAt))
        .all() as DossierDocument[];
      this.scope.audit(actor, 'R', 'document.list', clientId, 'document-list', null, `${rows.length}`);
      return rows;
    });
  }

  /** The decrypted content; 'tampered' if the file or its hash does not match. */
  read(documentId: string): { document: DossierDocument; content: Uint8Array } {
    validate(idSchema, documentId);
    return this.scope.read((actor) => {
      const document = this.load(documentId);
      if (!document || document.organisationId !== actor.organisationId) throw notFound('Dit document');
      this.clients.require(actor, document.clientId, 'read', 'document.read', 'R');
      const content = this.scope.services.documents.read(document.id, document.contentHash);
      this.scope.audit(actor, 'R', 'document.read', document.clientId, 'document', document.id);
      return { document, content };
    });
  }

  /** Decrypts into `targetPath` (for "open with" or export); the file appears only if it checks out. */
  saveToFile(documentId: string, targetPath: string): DossierDocument {
    validate(idSchema, documentId);
    return this.scope.read((actor) => {
      const document = this.load(documentId);
      if (!document || document.organisationId !== actor.organisationId) throw notFound('Dit document');
      this.clients.require(actor, document.clientId, 'read', 'document.read', 'R');
      this.scope.services.documents.readToFile(document.id, document.contentHash, targetPath);
      this.scope.audit(actor, 'R', 'document.read', document.clientId, 'document', document.id, 'naar bestand');
      return document;
    });
  }

  /** Soft delete; the encrypted file goes when the delete has synced (issue 7) or the dossier is purged. */
  delete(documentId: string): void {
    validate(idSchema, documentId);
    this.scope.transact((actor) => {
      const document = this.load(documentId);
      if (!document || document.organisationId !== actor.organisationId) throw notFound('Dit document');
      this.clients.require(actor, document.clientId, 'edit', 'document.delete', 'D');
      this.scope.services.writer.softDelete(documents, document, document.clientId);
      this.scope.audit(actor, 'D', 'document.delete', document.clientId, 'document', document.id);
    });
  }

  private load(documentId: string): DossierDocument | undefined {
    return this.scope.services.orm
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), isNull(documents.deletedAt)))
      .get() as DossierDocument | undefined;
  }
}
