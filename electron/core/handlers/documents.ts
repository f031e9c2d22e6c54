import { defaultMaxDocumentBytes } from '../../store/index.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';
import { userNames } from './user-names.js';

export function documentHandlers(services: CoreServices): HandlersFor<'documents'> {
  const { session } = services;
  return {
    'documents.list': async ({ clientId }) => {
      const name = userNames(services);
      const items = session.dossiers().documents.list(clientId).map((d) => ({ ...d, uploadedByName: name(d.uploadedBy) }));
      return { items, maxBytes: defaultMaxDocumentBytes };
    },
    'documents.add': async ({ contentBase64, ...input }) => {
      const document = session.dossiers().documents.add(input, Buffer.from(contentBase64, 'base64'));
      return { ...document, uploadedByName: userNames(services)(document.uploadedBy) };
    },
    'documents.read': async ({ documentId }) => {
      const { document, content } = session.dossiers().documents.read(documentId);
      return {
        document: { ...document, uploadedByName: userNames(services)(document.uploadedBy) },
        contentBase64: Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64'),
      };
    },
    'documents.delete': async ({ documentId }) => {
      session.dossiers().documents.delete(documentId);
      return {};
    },
  };
}
