import type { z } from 'zod';
import type { CallSpec } from './define.js';
import type { IpcResult } from './errors.js';
import { appCalls, appEvents } from './calls/app.js';
import { sessionCalls, sessionEvents } from './calls/session.js';
import { dossierCalls } from './calls/dossiers.js';
import { clientCalls } from './calls/clients.js';
import { contactCalls } from './calls/contacts.js';
import { reportCalls } from './calls/reports.js';
import { agendaCalls } from './calls/agenda.js';
import { timeCalls } from './calls/time.js';
import { documentCalls } from './calls/documents.js';
import { accessCalls } from './calls/access.js';
import { draftCalls } from './calls/drafts.js';
import { organisationCalls } from './calls/organisation.js';
import { syncCalls, syncEvents } from './calls/sync.js';
import { conflictCalls } from './calls/conflicts.js';
import { licenceCalls } from './calls/licence.js';
import { exportCalls, exportEvents } from './calls/export.js';
import { adminCalls } from './calls/admin.js';
import { backupCalls, backupEvents } from './calls/backup.js';
import { noticeCalls } from './calls/notices.js';
import { retentionCalls } from './calls/retention.js';
import { accountCalls } from './calls/account.js';

/**
 * The one IPC contract. The preload's API, the core's handler table and the preview bridge are
 * all derived from these two objects; nobody writes a channel string by hand.
 * A call is named `<namespace>.<action>`; the API object exposes it as `api.namespace.action()`.
 */
export const ipcContract = {
  ...appCalls,
  ...sessionCalls,
  ...dossierCalls,
  ...clientCalls,
  ...contactCalls,
  ...reportCalls,
  ...agendaCalls,
  ...timeCalls,
  ...documentCalls,
  ...accessCalls,
  ...draftCalls,
  ...organisationCalls,
  ...syncCalls,
  ...conflictCalls,
  ...licenceCalls,
  ...exportCalls,
  ...adminCalls,
  ...backupCalls,
  ...noticeCalls,
  ...retentionCalls,
  ...accountCalls,
} satisfies Record<string, CallSpec>;

/** Messages the core pushes to the renderer without being asked (status changes, progress). */
export const ipcEvents = {
  ...exportEvents,
  ...backupEvents,
  ...appEvents,
  ...sessionEvents,
  ...syncEvents,
} satisfies Record<string, z.ZodType>;

export type IpcContract = typeof ipcContract;
export type IpcMethod = keyof IpcContract & string;
export type IpcEventName = keyof typeof ipcEvents & string;

/** What the caller passes (before defaults are applied). */
export type IpcInput<M extends IpcMethod> = z.input<IpcContract[M]['input']>;
/** What the handler receives (after validation and defaults). */
export type IpcParsedInput<M extends IpcMethod> = z.output<IpcContract[M]['input']>;
export type IpcOutput<M extends IpcMethod> = z.output<IpcContract[M]['output']>;
export type IpcEventPayload<E extends IpcEventName> = z.output<(typeof ipcEvents)[E]>;

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never;
type ActionsOf<N extends string> = {
  [M in IpcMethod as M extends `${N}.${infer A}` ? A : never]: (
    input: IpcInput<M>,
  ) => Promise<IpcResult<IpcOutput<M>>>;
};

export type IpcEventListener<E extends IpcEventName> = (payload: IpcEventPayload<E>) => void;

/** The API object the renderer holds, whichever bridge carries it. */
export type IpcApi = { [N in Namespace<IpcMethod>]: ActionsOf<N> } & {
  onEvent<E extends IpcEventName>(event: E, listener: IpcEventListener<E>): () => void;
};

export const ipcMethods = Object.keys(ipcContract) as IpcMethod[];
export const ipcEventNames = Object.keys(ipcEvents) as IpcEventName[];

export function isIpcMethod(name: string): name is IpcMethod {
  return Object.prototype.hasOwnProperty.call(ipcContract, name);
}
