import { describe, expect, it } from 'vitest';
import { reportActions } from './report-actions.js';

const author = '0190a000-0000-7000-8000-000000000001';
const colleague = '0190a000-0000-7000-8000-000000000002';
const open = { authorId: author, lockedAt: null, signedOffAt: null };
const editor = { canRead: true, canEdit: true, canSignOff: false };
const signer = { canRead: true, canEdit: true, canSignOff: true };
const reader = { canRead: true, canEdit: false, canSignOff: false };

describe('what the reports screen offers per report', () => {
  it('offers edit to the author with edit rights on an open report only', () => {
    expect(reportActions(open, editor, author).mayEdit).toBe(true);
    expect(reportActions(open, reader, author).mayEdit).toBe(false);
    expect(reportActions(open, signer, colleague).mayEdit).toBe(false);
    expect(reportActions(open, null, author).mayEdit).toBe(false);
  });

  it('never offers edit on a locked or signed-off report (an addendum is the way on)', () => {
    expect(reportActions({ ...open, lockedAt: '2024-03-01T10:00:00.000Z' }, signer, author).mayEdit).toBe(false);
    expect(reportActions({ ...open, signedOffAt: '2024-03-01T10:00:00.000Z' }, signer, author).mayEdit).toBe(false);
  });

  it('lets the author or a signer manage who may see a report, also once it is locked', () => {
    const locked = { ...open, lockedAt: '2024-03-01T10:00:00.000Z' };
    expect(reportActions(locked, reader, author).mayManageAccess).toBe(true);
    expect(reportActions(locked, signer, colleague).mayManageAccess).toBe(true);
    expect(reportActions(locked, editor, colleague).mayManageAccess).toBe(false);
    expect(reportActions(locked, editor, null).mayManageAccess).toBe(false);
  });
});
