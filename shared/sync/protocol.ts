import { z } from 'zod';
import { accessActionSchema, accessOutcomeSchema } from '../domain/access-log.js';
import { syncLimits } from './limits.js';
import { fieldMap, fieldNamePattern, fieldNameSchema, isFieldMapOf } from './field-map.js';
import { opaqueValueProblem, opaqueValueSchema } from './opaque-value.js';
import { syncTableNames } from './tables.js';

/**
 * The wire schemas of sync (docs/sync.md): push, pull, documents, access log. One zod schema per
 * message; the hub parses every request with them before anything else, the device parses every
 * answer. Objects are strict (an unknown key is refused, not ignored) and every array and string is
 * bounded (limits.ts). Field values are opaque JSON: the hub merges by clocks and base versions and
 * never reads them, so an end-to-end encrypted mode can send ciphertext through the same messages.
 *
 * What a device does NOT send: the merge class of a field. The hub classifies fields from the
 * shared registry (tables.ts); a device cannot make its edit "structured" to have it win.
 */
export const syncProtocolVersion = 1;
const protocolVersionSchema = z.literal(syncProtocolVersion);

export const uuidSchema = z.uuid();
/** Mutation ids are UUIDv7 made on the device: unique without coordination, sortable by time. */
export const mutationIdSchema = z.uuidv7();
const hlcPattern = /^\d{15}-[0-9a-f]{4}-[0-9a-f]{16}$/;
/** An HLC in its text form (hlc.ts `formatHlc`): sorts as text in clock order. */
export const hlcTextSchema = z.string().regex(hlcPattern, 'not an HLC timestamp');
const isHlcText = (value: unknown): boolean => typeof value === 'string' && hlcPattern.test(value);
/** The HLC node id of a device: 16 lowercase hex characters (the store's device id). */
export const hlcNodeSchema = z.string().regex(/^[0-9a-f]{16}$/, 'not an HLC node id');
export { fieldNameSchema };
export const syncTableNameSchema = z.enum(syncTableNames);
/** BLAKE2b-256, lowercase hex: the content address of documents and chunks. */
export const blake2bHexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a BLAKE2b-256 hex digest');
/** A server sequence number: the position of a committed change in the organisation's change log. */
export const serverSeqSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const messageSchema = z.string().max(syncLimits.messageChars);
const instantSchema = z.iso.datetime({ offset: true });

// ─── Push ──────────────────────────────────────────────────────────────────────────────────────

/**
 * One changed field as the device made it: the value and clock it saw before (its base), and the
 * new value with the HLC of the write. `baseHlc` null means the device had no clock for the field
 * (a new row, or a field never synced); the base value is what it saw all the same.
 */
export const fieldChangeSchema = z
  .object({
    field: fieldNameSchema,
    baseValue: opaqueValueSchema,
    baseHlc: hlcTextSchema.nullable(),
    value: opaqueValueSchema,
    hlc: hlcTextSchema,
  })
  .strict();
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const mutationOps = ['insert', 'update', 'delete'] as const;
export type MutationOp = (typeof mutationOps)[number];

/**
 * One local change, as the outbox holds it. `delete` carries the tombstone field (`deletedAt`) as
 * its only change. `seen`: field → HLC the device had for fields it does not change but that its
 * decision rests on; required for sign-off, locking and deleting (the device must have seen the
 * current narrative text, or the hub refuses with `stale_base`). `resolves`: conflict ids this
 * change settles (the user chose a version on the conflict screen). `reseed`: see below.
 */
export const mutationSchema = z
  .object({
    mutationId: mutationIdSchema,
    table: syncTableNameSchema,
    rowId: uuidSchema,
    organisationId: uuidSchema,
    clientId: uuidSchema.nullable(),
    op: z.enum(mutationOps),
    changes: z.array(fieldChangeSchema).min(1).max(syncLimits.fieldsPerMutation),
    seen: fieldMap(hlcTextSchema.nullable(), (value) => value === null || isHlcText(value)).optional(),
    resolves: z.array(z.string().max(80)).max(syncLimits.resolvesPerMutation).optional(),
    /**
     * Re-offers versions the hub lost when it was restored from a backup (docs/sync.md). Its changes
     * carry their original HLCs, which may name other devices' nodes; they are still refused when
     * ahead of the hub's clock.
     */
    reseed: z.literal(true).optional(),
  })
  .strict()
  .superRefine((mutation, ctx) => {
    const names = new Set<string>();
    for (const [index, change] of mutation.changes.entries()) {
      if (names.has(change.field)) ctx.addIssue({ code: 'custom', path: ['changes', index, 'field'], message: 'field changed twice in one mutation' });
      names.add(change.field);
    }
    const onlyTombstone = mutation.changes.length === 1 && mutation.changes[0]!.field === 'deletedAt';
    if (mutation.op === 'delete' && !onlyTombstone) {
      ctx.addIssue({ code: 'custom', path: ['changes'], message: 'a delete changes deletedAt only' });
    }
  });
export type Mutation = z.infer<typeof mutationSchema>;

const uuidPattern = z.regexes.uuid();
const uuidV7Pattern = z.regexes.uuid(7);
const mutationKeys = new Set(['mutationId', 'table', 'rowId', 'organisationId', 'clientId', 'op', 'changes', 'seen', 'resolves', 'reseed']);
const changeKeys = ['field', 'baseValue', 'baseHlc', 'value', 'hlc'];
const tableNames = new Set<string>(syncTableNames);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const isUuidText = (value: unknown): boolean => typeof value === 'string' && uuidPattern.test(value);

/**
 * `mutationSchema`'s rules as one plain loop: true only for a mutation that schema accepts (it may
 * say false for one it accepts — say, an optional key present as undefined — and then the schema
 * decides). Checking a push of 2,000 mutations with zod alone cost the hub ~30 µs a mutation, a
 * sixth of its CPU per push, and the device as much before sending (protocol.test.ts compares the
 * two on random mutations, as field-map.test.ts does for field maps).
 */
export function isWellFormedMutation(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) if (!mutationKeys.has(key)) return false;
  const { mutationId, table, rowId, organisationId, clientId, op, changes, seen, resolves, reseed } = value;
  if (typeof mutationId !== 'string' || !uuidV7Pattern.test(mutationId)) return false;
  if (typeof table !== 'string' || !tableNames.has(table) || !isUuidText(rowId) || !isUuidText(organisationId)) return false;
  if (clientId !== null && !isUuidText(clientId)) return false;
  if (op !== 'insert' && op !== 'update' && op !== 'delete') return false;
  if (!Array.isArray(changes) || changes.length < 1 || changes.length > syncLimits.fieldsPerMutation) return false;
  const names = new Set<string>();
  for (const change of changes) {
    if (!isPlainObject(change)) return false;
    const keys = Object.keys(change);
    if (keys.length !== changeKeys.length || !changeKeys.every((key) => key in change)) return false;
    const { field, baseHlc, hlc } = change;
    if (typeof field !== 'string' || field.length > syncLimits.fieldNameChars || !fieldNamePattern.test(field) || names.has(field)) return false;
    names.add(field);
    if ((baseHlc !== null && !isHlcText(baseHlc)) || !isHlcText(hlc)) return false;
    if (opaqueValueProblem(change.baseValue) !== null || opaqueValueProblem(change.value) !== null) return false;
  }
  if (op === 'delete' && !(changes.length === 1 && names.has('deletedAt'))) return false;
  if ('seen' in value && !isFieldMapOf(seen, (clock) => clock === null || isHlcText(clock))) return false;
  if ('resolves' in value && !(Array.isArray(resolves) && resolves.length <= syncLimits.resolvesPerMutation && resolves.every((id) => typeof id === 'string' && id.length <= 80))) return false;
  if ('reseed' in value && reseed !== true) return false;
  return true;
}

/**
 * The mutations of a push: each checked by `isWellFormedMutation`; a list it refuses gets the
 * detailed schema's verdict and issues (with their paths), so this never accepts more than
 * z.array(mutationSchema) with the same bounds.
 */
const mutationListSchema = (() => {
  const detailed = z.array(mutationSchema).min(1).max(syncLimits.mutationsPerPush);
  return z.custom<z.output<typeof detailed>>().superRefine((value, ctx) => {
    if (Array.isArray(value) && value.length >= 1 && value.length <= syncLimits.mutationsPerPush && value.every(isWellFormedMutation)) return;
    const verdict = detailed.safeParse(value);
    if (verdict.success) return;
    for (const issue of verdict.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
})();

/**
 * `deviceId`: the registered device (server `devices.id`). `hlcNode`: the node id inside every HLC
 * this device stamps; the hub refuses a mutation whose clocks name another node (no forged
 * tie-breaks). `serverEpoch`: the epoch the device last pulled from, null before its first pull.
 */
export const pushRequestSchema = z
  .object({
    protocolVersion: protocolVersionSchema,
    deviceId: uuidSchema,
    hlcNode: hlcNodeSchema,
    serverEpoch: uuidSchema.nullable(),
    mutations: mutationListSchema,
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why a mutation was refused. Nothing of a refused mutation is applied; the device keeps its text. */
export const rejectReasons = [
  /** The row is signed off, locked or declared: the change can become an addendum. */
  'record_locked',
  /** A field that is set once (author, client, kind, content hash…) was changed. */
  'immutable_field',
  /** Sign-off, lock or delete without having seen the current version of the text. */
  'stale_base',
  /** The table is not writable through sync (users, dossier access, settings). */
  'read_only_table',
  /** The table has no such field. */
  'unknown_field',
  /** Rows of this table are not deleted through sync (dossiers are closed, not deleted). */
  'not_deletable',
  /** An update of a row the server does not have (its insert was refused or never arrived). */
  'row_missing',
  /** The mutation's organisation or client does not match the row's. */
  'scope_mismatch',
  /** The user may not write this dossier or row (decided by the hub, not by merge). */
  'forbidden',
  /** An HLC far in the future of the hub's clock, or naming another device's node. */
  'clock_invalid',
  /** Malformed in a way the schema could not see (e.g. an insert without its required fields). */
  'invalid',
] as const;
export const rejectReasonSchema = z.enum(rejectReasons);
export type RejectReason = z.infer<typeof rejectReasonSchema>;

/**
 * A narrative conflict: both versions, kept until a person resolves it. `kind`:
 * `concurrent_edit` — the text was changed elsewhere after this device's base;
 * `edited_after_delete` — the row was deleted elsewhere; the edit is kept in the tombstone.
 * The id is derived from mutation and field (`conflictIdFor`), so a retried push finds the same one.
 */
export const conflictSchema = z
  .object({
    conflictId: z.string().max(80),
    kind: z.enum(['concurrent_edit', 'edited_after_delete']),
    table: syncTableNameSchema,
    rowId: uuidSchema,
    clientId: uuidSchema.nullable(),
    field: fieldNameSchema,
    /** The version the row keeps (the server's current value when the conflict arose). */
    kept: z.object({ value: opaqueValueSchema, hlc: hlcTextSchema.nullable() }).strict(),
    /**
     * The version from the device that did not become current, never discarded. `authorId`: the
     * user who sent it, added by the hub (it knows the writer; a device shows the name). Optional,
     * so conflicts stored before it existed still parse.
     */
    incoming: z.object({ value: opaqueValueSchema, hlc: hlcTextSchema, mutationId: mutationIdSchema, authorId: uuidSchema.optional() }).strict(),
  })
  .strict();
export type Conflict = z.infer<typeof conflictSchema>;

export function conflictIdFor(mutationId: string, field: string): string {
  return `${mutationId}:${field}`;
}

const resultBase = { mutationId: mutationIdSchema };
const fieldListSchema = z.array(fieldNameSchema).max(syncLimits.fieldsPerMutation);
/**
 * The answer per mutation, in the order of the request. `seq` is the server sequence of the row
 * version that includes the change (the device stores it as the row's `serverSeq`).
 * - applied: every field as sent.
 * - merged: accepted, but `superseded` fields lost to a newer value (kept in history), or a value
 *   was already there under another clock; `applied` lists the fields that hold exactly this
 *   mutation's value and clock. The device takes the rest of the row from the next pull.
 * - conflict: one or more narrative fields kept both versions (`conflicts`); `applied` as above.
 * - rejected: nothing applied; `reason` tells the device what to show.
 */
export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ ...resultBase, status: z.literal('applied'), seq: serverSeqSchema }).strict(),
  z
    .object({ ...resultBase, status: z.literal('merged'), seq: serverSeqSchema, applied: fieldListSchema, superseded: fieldListSchema })
    .strict(),
  z
    .object({
      ...resultBase,
      status: z.literal('conflict'),
      seq: serverSeqSchema,
      applied: fieldListSchema,
      conflicts: z.array(conflictSchema).min(1).max(syncLimits.fieldsPerMutation),
    })
    .strict(),
  z
    .object({ ...resultBase, status: z.literal('rejected'), reason: rejectReasonSchema, field: fieldNameSchema.nullable(), message: messageSchema })
    .strict(),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z
  .object({
    protocolVersion: protocolVersionSchema,
    serverEpoch: uuidSchema,
    results: z.array(mutationResultSchema).max(syncLimits.mutationsPerPush),
  })
  .strict();
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ─── Pull ──────────────────────────────────────────────────────────────────────────────────────

/** Where a device is in the server's change log. The epoch changes when the server is restored. */
export const syncCursorSchema = z.object({ epoch: uuidSchema, seq: serverSeqSchema }).strict();
export type SyncCursor = z.infer<typeof syncCursorSchema>;

export const pullRequestSchema = z
  .object({
    protocolVersion: protocolVersionSchema,
    deviceId: uuidSchema,
    /** null: from the beginning (first sync, or after a reset). */
    cursor: syncCursorSchema.nullable(),
    limit: z.number().int().min(1).max(syncLimits.pullLimitMax),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** A value a structured field had before a newer one won, for the field's history view. */
export const historyEntrySchema = z
  .object({ field: fieldNameSchema, value: opaqueValueSchema, hlc: hlcTextSchema.nullable(), supersededBy: hlcTextSchema })
  .strict();
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * The full current state of a row after a committed change (not a delta: applying it needs no
 * earlier state, so a lost or reordered page cannot corrupt a row). A tombstone is a row whose
 * `values.deletedAt` is set; its other fields stay, so no text vanishes with a delete.
 */
export const rowChangeSchema = z
  .object({
    seq: serverSeqSchema,
    table: syncTableNameSchema,
    rowId: uuidSchema,
    organisationId: uuidSchema,
    clientId: uuidSchema.nullable(),
    values: fieldMap(opaqueValueSchema, (value) => opaqueValueProblem(value) === null),
    clocks: fieldMap(hlcTextSchema, isHlcText),
    history: z.array(historyEntrySchema).max(syncLimits.historyPerChange).optional(),
  })
  .strict();
export type RowChange = z.infer<typeof rowChangeSchema>;

/** A conflict's current state; a resolved one is sent once more so every device closes it. */
export const conflictStateSchema = z
  .object({ seq: serverSeqSchema, conflict: conflictSchema, status: z.enum(['open', 'resolved']) })
  .strict();
export type ConflictState = z.infer<typeof conflictStateSchema>;

/**
 * Local copies the device must remove because its user no longer may see them. A purge removes
 * rows and their documents but never the device's own unsent changes: those stay in the outbox,
 * are pushed, and come back `forbidden`, so the user sees they were not stored centrally.
 */
/**
 * access_revoked: the user may no longer see it; unsent changes stay on the device as refused.
 * client_deleted: the dossier was destroyed (a client's deletion request, or twenty years passed,
 * shared/retention): nothing of it may stay, unsent changes and refused ones included.
 */
export const purgeReasonSchema = z.enum(['access_revoked', 'client_deleted']);
export type PurgeReason = z.infer<typeof purgeReasonSchema>;

export const purgeSchema = z.discriminatedUnion('scope', [
  z.object({ seq: serverSeqSchema, scope: z.literal('client'), clientId: uuidSchema, reason: purgeReasonSchema }).strict(),
  z.object({ seq: serverSeqSchema, scope: z.literal('row'), table: syncTableNameSchema, rowId: uuidSchema, reason: purgeReasonSchema }).strict(),
  z.object({ seq: serverSeqSchema, scope: z.literal('all'), reason: z.enum(['device_revoked', 'account_ended']) }).strict(),
]);
export type Purge = z.infer<typeof purgeSchema>;

/**
 * `server.id` names the central service's database; `server.epoch` changes whenever it is restored
 * from a backup. `reset`: the request's cursor does not belong to this server state (other epoch,
 * or a seq beyond the server's newest); the device must follow the restore procedure of
 * docs/sync.md (keep its data, pull from null, re-offer what the server lost). Changes, conflicts and
 * purges are applied together in seq order, in one transaction.
 */
export const pullResponseSchema = z
  .object({
    protocolVersion: protocolVersionSchema,
    /**
     * After a restore: `restoredFromEpoch` is the epoch the backup was taken in, `epochStartSeq` the
     * newest sequence it held (null and 0 for a hub never restored). A row whose seq is at or below
     * `epochStartSeq` is exactly as the backup had it; the device uses both to tell whether text it
     * re-offers can fast-forward (restore.ts).
     */
    server: z
      .object({ id: uuidSchema, epoch: uuidSchema, restoredFromEpoch: uuidSchema.nullable(), epochStartSeq: serverSeqSchema })
      .strict(),
    reset: z.boolean(),
    /**
     * The newest committed sequence of the organisation when this page was read, so a device can
     * show how far its (initial) sync has come: (cursor − start) / (headSeq − start). Optional: a
     * hub that does not send it still answers validly; the device then shows no fraction.
     */
    headSeq: serverSeqSchema.optional(),
    changes: z.array(rowChangeSchema).max(syncLimits.pullLimitMax),
    conflicts: z.array(conflictStateSchema).max(syncLimits.conflictsPerPull),
    purges: z.array(purgeSchema).max(syncLimits.purgesPerPull),
    cursor: syncCursorSchema,
    hasMore: z.boolean(),
  })
  .strict();
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ─── Documents ─────────────────────────────────────────────────────────────────────────────────

/**
 * A document travels as chunks of `syncLimits.chunkBytes` (the last may be shorter), each named by
 * the BLAKE2b-256 of its bytes as sent, so the hub verifies what it stores without reading it and
 * an interrupted transfer resumes from the chunks it already has. `contentHash` is the document's
 * BLAKE2b-256 (documents.contentHash). The chunk bytes go as an application/octet-stream body; the
 * JSON messages below describe them.
 */
export const documentManifestSchema = z
  .object({
    contentHash: blake2bHexSchema,
    sizeBytes: z.number().int().nonnegative().max(syncLimits.chunkBytes * syncLimits.chunksPerDocument),
    chunkHashes: z.array(blake2bHexSchema).min(1).max(syncLimits.chunksPerDocument),
  })
  .strict();
export type DocumentManifest = z.infer<typeof documentManifestSchema>;

/** Upload, step 1: announce the manifest; the answer says which chunks the hub already holds. */
export const documentUploadStatusRequestSchema = z
  .object({ protocolVersion: protocolVersionSchema, deviceId: uuidSchema, organisationId: uuidSchema, manifest: documentManifestSchema })
  .strict();
export type DocumentUploadStatusRequest = z.infer<typeof documentUploadStatusRequestSchema>;

export const documentUploadStatusResponseSchema = z
  .object({
    contentHash: blake2bHexSchema,
    /** Indexes of chunks the hub holds and verified. */
    have: z.array(z.number().int().nonnegative().max(syncLimits.chunksPerDocument - 1)).max(syncLimits.chunksPerDocument),
    complete: z.boolean(),
  })
  .strict();
export type DocumentUploadStatusResponse = z.infer<typeof documentUploadStatusResponseSchema>;

/** Upload, step 2 (per missing chunk): the header that accompanies the chunk's bytes. */
export const documentChunkHeaderSchema = z
  .object({
    contentHash: blake2bHexSchema,
    index: z.number().int().nonnegative().max(syncLimits.chunksPerDocument - 1),
    chunkHash: blake2bHexSchema,
    sizeBytes: z.number().int().min(1).max(syncLimits.chunkBytes),
  })
  .strict();
export type DocumentChunkHeader = z.infer<typeof documentChunkHeaderSchema>;

export const documentChunkAckSchema = z
  .object({ contentHash: blake2bHexSchema, index: z.number().int().nonnegative(), complete: z.boolean() })
  .strict();
export type DocumentChunkAck = z.infer<typeof documentChunkAckSchema>;

/** Download: the device asks for the manifest, then for each chunk it lacks by index. */
export const documentDownloadRequestSchema = z
  .object({ protocolVersion: protocolVersionSchema, deviceId: uuidSchema, contentHash: blake2bHexSchema, index: z.number().int().nonnegative().nullable() })
  .strict();
export type DocumentDownloadRequest = z.infer<typeof documentDownloadRequestSchema>;

// ─── Access log ───────────────────────────────────────────────────────────────────────────────

const shortText = (max: number) => z.string().max(max);
/** One NEN 7513 line as the device's append-only log holds it (shared/domain/access-log.ts), bounded. */
export const accessLogUploadEntrySchema = z
  .object({
    seq: z.number().int().nonnegative(),
    id: uuidSchema,
    at: instantSchema,
    organisationId: uuidSchema,
    userId: uuidSchema,
    onBehalfOf: uuidSchema.nullable(),
    action: accessActionSchema,
    event: shortText(100),
    clientId: uuidSchema.nullable(),
    objectType: shortText(100),
    objectId: shortText(100).nullable(),
    outcome: accessOutcomeSchema,
    reason: shortText(500).nullable(),
    deviceId: shortText(64),
    prevHash: shortText(128),
    hash: shortText(128),
  })
  .strict();
export type AccessLogUploadEntry = z.infer<typeof accessLogUploadEntrySchema>;

/**
 * Entries in the device's own seq order; the hub archives them idempotently by id and checks the
 * hash chain continues from the last entry it archived for this device.
 */
export const accessLogUploadRequestSchema = z
  .object({
    protocolVersion: protocolVersionSchema,
    deviceId: uuidSchema,
    entries: z.array(accessLogUploadEntrySchema).min(1).max(syncLimits.accessLogPerUpload),
  })
  .strict();
export type AccessLogUploadRequest = z.infer<typeof accessLogUploadRequestSchema>;

/** The device may drop its copy up to `archivedThroughSeq` only if its retention rules allow; it never has to. */
export const accessLogUploadResponseSchema = z
  .object({ archivedThroughSeq: z.number().int().nonnegative(), chainBroken: z.boolean() })
  .strict();
export type AccessLogUploadResponse = z.infer<typeof accessLogUploadResponseSchema>;
