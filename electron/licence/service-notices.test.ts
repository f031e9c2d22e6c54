import { describe, expect, it } from 'vitest';
import { ServiceNoticeBoard } from './service-notices.js';
import { MemoryStorage } from './test-support.js';

const maintenance = {
  id: '0193a6f0-0000-7000-8000-0000000000a1',
  kind: 'maintenance',
  title: 'Onderhoud',
  body: 'Op zaterdag 5 december van 22:00 tot 23:00 is de synchronisatie niet beschikbaar; de app werkt offline door.',
  publishedAt: '2026-11-30T09:00:00.000Z',
  effectiveAt: '2026-12-05T21:00:00.000Z',
  endsAt: '2026-12-05T22:00:00.000Z',
  acknowledged: false,
} as const;
const terms = {
  ...maintenance,
  id: '0193a6f0-0000-7000-8000-0000000000a2',
  kind: 'terms-change',
  title: 'Nieuwe algemene voorwaarden',
  body: 'Per 1 januari gelden gewijzigde voorwaarden (art. 15).',
  effectiveAt: '2027-01-01T00:00:00.000Z',
  endsAt: null,
} as const;

describe('ServiceNoticeBoard', () => {
  it('keeps notices for offline display until maintenance is over or terms are acknowledged', async () => {
    const board = new ServiceNoticeBoard(new MemoryStorage());
    await board.replace([maintenance, terms]);
    expect((await board.current(new Date('2026-12-01T00:00:00Z'))).map((n) => n.kind)).toEqual(['maintenance', 'terms-change']);
    expect((await board.current(new Date('2026-12-06T00:00:00Z'))).map((n) => n.kind)).toEqual(['terms-change']);
    await board.acknowledge(terms.id);
    expect(await board.current(new Date('2026-12-06T00:00:00Z'))).toEqual([]);
  });

  it('remembers an acknowledgement made offline until it is sent, also across the next list from the service', async () => {
    const board = new ServiceNoticeBoard(new MemoryStorage());
    await board.replace([maintenance, terms]);
    await board.acknowledge(maintenance.id);
    expect(await board.pendingAcknowledgements()).toEqual([maintenance.id]);
    // The service has not heard it yet and still says unread: the device keeps it read.
    await board.replace([maintenance, terms]);
    expect((await board.current(new Date('2026-12-01T00:00:00Z'))).map((n) => n.id)).toEqual([terms.id]);
    await board.acknowledgementSent(maintenance.id);
    expect(await board.pendingAcknowledgements()).toEqual([]);
  });

  it('ignores an acknowledgement of a notice it does not know', async () => {
    const board = new ServiceNoticeBoard(new MemoryStorage());
    await board.replace([terms]);
    await board.acknowledge(maintenance.id);
    expect(await board.pendingAcknowledgements()).toEqual([]);
  });

  it('refuses a notice list that does not match the schema', async () => {
    const board = new ServiceNoticeBoard(new MemoryStorage());
    await expect(board.replace([{ ...terms, kind: 'advert' }])).rejects.toThrow();
  });
});
