import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemovalCaseView } from '../../shared/api/retention.js';
import { ipcContract, type IpcInput, type IpcMethod } from '../../shared/ipc/contract.js';
import { licensedCore, type LicensedCore } from './testing/licensed-core.js';

/**
 * SPEC §3 / art. 9: a blocked account gets no dossier access and no export, also offline. Every call
 * of the contract goes through the real core's dispatcher on a device whose signed lease says
 * blocked: each one must be refused by the licence, except the calls listed below with the reason
 * they stay open. The list of calls comes from the contract itself, so a new namespace or call is
 * gated by default here and fails this test until it is behind the licence or listed as open.
 */

/** Namespaces (or single calls) a blocked organisation still reaches, and why. */
const openWhileBlocked: Record<string, string> = {
  app: 'the app’s own version and state; no client data',
  connectivity: 'online or offline; no client data',
  session: 'sign in, unlock, lock and sign out stay possible on the lock screen',
  account: 'the user’s own password and recovery codes, kept changeable when blocked (a leaked password cannot wait); no client data',
  licence: 'the lock screen reads why it is locked, and confirms the final notice',
  organisation: 'the organisation’s name and colleagues; no client',
  'sync.status': 'the header shows the sync state; counts only',
  'sync.now': 'syncing fetches the new lease that lifts the block',
  admin: 'a blocked admin must see why and pay (art. 9); the service decides, names no client',
  retention: 'legal deletion duties go on while blocked (art. 7:455 BW); no dossier names then (tested below)',
  backup: 'backups of the encrypted store; lists dates and sizes, opens no dossier',
  notices: 'maintenance and terms notices matter most when something is wrong',
  'export.cancel': 'stops a running export; exports nothing',
};

function isOpen(method: string): boolean {
  return method in openWhileBlocked || method.split('.')[0]! in openWhileBlocked;
}

/** One valid input per gated call (it must pass the contract, so the refusal is the licence's). */
function sampleInputs(ids: { clientId: string; documentId: string; someone: string; other: string }): { [M in IpcMethod]?: IpcInput<M> } {
  const at = '2026-11-20T08:00:00.000Z';
  return {
    'dossiers.list': {},
    'clients.list': {},
    'clients.get': { clientId: ids.clientId },
    'clients.create': { firstName: 'Geertruida', lastName: 'Blokker' },
    'clients.administration': {},
    'clients.update': { clientId: ids.clientId, patch: { city: 'Zeist' } },
    'contacts.list': { clientId: ids.clientId },
    'contacts.create': { clientId: ids.clientId, relation: 'familie', name: 'Kees Blokker' },
    'contacts.update': { contactId: ids.other, patch: { name: 'Kees' } },
    'contacts.delete': { contactId: ids.other },
    'reports.list': { clientId: ids.clientId },
    'reports.create': { clientId: ids.clientId, occurredAt: at, category: 'ADL', body: 'Geholpen met douchen' },
    'reports.update': { reportId: ids.other, patch: { body: 'Geholpen met wassen' } },
    'reports.signOff': { reportId: ids.other },
    'reports.lock': { reportId: ids.other },
    'reports.addAddendum': { reportId: ids.other, body: 'Aanvulling' },
    'reports.setAccess': { reportId: ids.other, userId: ids.someone, canRead: true, canEdit: false },
    'reports.accessList': { reportId: ids.other },
    'reports.search': { query: 'douchen' },
    'agenda.list': { from: at, to: '2026-11-21T08:00:00.000Z' },
    'agenda.create': { title: 'Huisbezoek', startsAt: at, endsAt: '2026-11-20T09:00:00.000Z', practitionerIds: [ids.someone], clientIds: [ids.clientId] },
    'agenda.update': { appointmentId: ids.other, patch: { title: 'Huisbezoek later' } },
    'agenda.delete': { appointmentId: ids.other },
    'agenda.lockPast': { before: at },
    'time.list': { clientId: ids.clientId },
    'time.create': { clientId: ids.clientId, date: '2026-11-20', amount: 30, unit: 'minuut' },
    'time.delete': { timeRegistrationId: ids.other },
    'documents.list': { clientId: ids.clientId },
    'documents.add': { clientId: ids.clientId, fileName: 'brief.txt', mimeType: 'text/plain', contentBase64: Buffer.from('brief').toString('base64') },
    'documents.read': { documentId: ids.documentId },
    'documents.delete': { documentId: ids.documentId },
    'access.list': { clientId: ids.clientId },
    'access.grant': { clientId: ids.clientId, userId: ids.someone, rights: { canRead: true, canEdit: false, canSignOff: false } },
    'access.log': { clientId: ids.clientId },
    'drafts.get': { key: `report:new:${ids.clientId}` },
    'drafts.save': { key: `report:new:${ids.clientId}`, content: 'Mevrouw belde', clientId: ids.clientId },
    'drafts.discard': { key: `report:new:${ids.clientId}` },
    'conflicts.list': {},
    'conflicts.resolve': { conflictId: ids.other, choice: 'kept' },
    'sync.refusedChanges': {},
    'sync.markRefusedHandled': { mutationId: ids.other },
    'export.start': { kind: 'all-xlsx' },
  };
}

const allMethods = Object.keys(ipcContract) as IpcMethod[];
const gated = allMethods.filter((method) => !isOpen(method));

let device: LicensedCore;
beforeAll(async () => {
  device = await licensedCore({ status: 'blocked', blockReason: 'reversed-direct-debit' });
}, 60_000);
afterAll(async () => {
  await device?.close();
});

describe('a blocked lease, through the real core dispatcher', () => {
  it('lists every namespace of the contract as gated or open, and every open entry exists', () => {
    const namespaces = new Set(allMethods.map((method) => method.split('.')[0]!));
    for (const entry of Object.keys(openWhileBlocked)) {
      expect(entry.includes('.') ? allMethods.includes(entry as IpcMethod) : namespaces.has(entry), entry).toBe(true);
    }
    // The dossier namespaces are all gated, whole.
    for (const namespace of ['dossiers', 'clients', 'contacts', 'reports', 'agenda', 'time', 'documents', 'access', 'drafts', 'conflicts']) {
      expect(allMethods.filter((method) => method.startsWith(`${namespace}.`) && isOpen(method)), namespace).toEqual([]);
    }
    expect(gated).toEqual(expect.arrayContaining(['export.start', 'sync.refusedChanges', 'sync.markRefusedHandled']));
  });

  it('refuses every gated call with the licence refusal, offline', async () => {
    const samples = sampleInputs({ clientId: device.clientId, documentId: device.documentId, someone: uuidv7(), other: uuidv7() });
    const missing = gated.filter((method) => !(method in samples));
    expect(missing, 'a gated call without a sample input: add one above').toEqual([]);
    const answers: Record<string, unknown> = {};
    for (const method of gated) {
      const result = await device.call(method, samples[method]);
      answers[method] = result.ok ? 'answered' : result.error.code;
    }
    expect(answers).toEqual(Object.fromEntries(gated.map((method) => [method, 'licence_blocked'])));
  }, 60_000);

  it('keeps the lock screen and the way out open: licence status, sync status, session', async () => {
    expect(await device.call('licence.status')).toMatchObject({ ok: true, value: { state: 'blocked', canOpenDossiers: false, canExport: false } });
    expect(await device.call('sync.status')).toMatchObject({ ok: true });
    expect(await device.call('session.status')).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });
});

/**
 * The retention screen stays open to a blocked admin (deletion duties go on), but names no client
 * then. The service's answer comes from a small HTTP server speaking the route's contract (the real
 * service would need a real payment failure to block); everything on the device is real.
 */
describe('retention cases for a blocked admin', () => {
  let service: Server;
  let clientId = '';
  const caseFor = (id: string): RemovalCaseView => ({
    id: '0193a0b0-0000-7000-8000-000000000001',
    kind: 'client_request',
    state: 'open',
    clientId: id,
    openedOn: '2026-11-20',
    deadline: '2026-12-20',
    reason: null,
    keepUntil: null,
    carriedOutOn: null,
    pendingDevices: 0,
    overdue: false,
    daysLeft: 26,
  });
  beforeAll(async () => {
    service = createServer((request, response) => {
      const known = request.url === '/v1/admin/retention/cases' && request.headers.authorization === 'Bearer token-of-the-owner';
      response.writeHead(known ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(known ? { cases: [caseFor(clientId)] } : { error: { code: 'not_found', message: 'no such route' } }));
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => service.close(resolve));
  });

  const casesAs = async (status: 'active' | 'blocked') => {
    const owner = await licensedCore({ status, blockReason: status === 'blocked' ? 'overdue' : null }, 'owner', {
      url: `http://127.0.0.1:${(service.address() as AddressInfo).port}`,
      sessionToken: 'token-of-the-owner',
    });
    try {
      clientId = owner.clientId;
      return await owner.call('retention.cases');
    } finally {
      await owner.close();
    }
  };

  it('names the dossier while the licence is active', async () => {
    expect(await casesAs('active')).toMatchObject({ ok: true, value: { cases: [{ clientId, client: { name: 'Johanna van der Berg' } }] } });
  }, 60_000);

  it('answers, without the name or dossier number, while the licence is blocked', async () => {
    const answer = await casesAs('blocked');
    expect(answer).toMatchObject({ ok: true, value: { cases: [{ clientId, client: null }] } });
    expect(JSON.stringify(answer)).not.toMatch(/Johanna|Berg/);
  }, 60_000);
});
