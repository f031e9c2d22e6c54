import { describe, expect, it } from 'vitest';
import { changedFieldsDraft, restoreChangedFields } from './draft-content.js';

const fresh = { title: '', startsAt: '2026-11-24T09:00', clientIds: [] as string[], amount: '' as number | '', allocationId: null as string | null };

describe('a form draft of the changed fields', () => {
  it('is empty while nothing differs from where the form started', () => {
    expect(changedFieldsDraft(fresh, fresh)).toBe('');
    expect(changedFieldsDraft({ ...fresh, clientIds: [] }, fresh)).toBe('');
  });

  it('holds only what the user changed', () => {
    const draft = changedFieldsDraft({ ...fresh, title: 'Wondzorg', clientIds: ['c1'], amount: 45 }, fresh);
    expect(JSON.parse(draft)).toEqual({ title: 'Wondzorg', clientIds: ['c1'], amount: 45 });
  });

  it('comes back over a new start: typed fields from the draft, untouched fields from the new start', () => {
    const draft = changedFieldsDraft({ ...fresh, title: 'Wondzorg', allocationId: 'a1' }, fresh);
    const otherSlot = { ...fresh, startsAt: '2026-11-25T14:00' };
    expect(restoreChangedFields(draft, otherSlot)).toEqual({ ...otherSlot, title: 'Wondzorg', allocationId: 'a1' });
  });

  it('ignores fields the form no longer has, values of another shape, and content that is not JSON', () => {
    const stored = JSON.stringify({ title: 'Wondzorg', retired: 'x', clientIds: 'c1', amount: { n: 1 } });
    expect(restoreChangedFields(stored, fresh)).toEqual({ ...fresh, title: 'Wondzorg' });
    expect(restoreChangedFields('not json', fresh)).toEqual(fresh);
    expect(restoreChangedFields('["a"]', fresh)).toEqual(fresh);
  });
});
