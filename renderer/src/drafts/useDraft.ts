import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { registerDraftFlush } from './draft-registry.js';

export type DraftState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

/** Quiet time after the last keystroke before the draft is written: often enough to lose at most a second of typing. */
const SAVE_DELAY_MS = 600;

interface DraftOptions {
  /** e.g. "report:new:<clientId>"; unique per form instance. */
  key: string;
  clientId: string | null;
  /** The current content, serialised; an empty string means "nothing worth keeping". */
  content: string;
  /** Called once with the stored draft, if there is one, so the form can show it again. */
  onRestore: (content: string, updatedAt: string) => void;
}

/**
 * Saves what is being typed to the encrypted store continuously (debounced) and restores it when
 * the form opens again: after a lock, a crash or a killed app, nothing typed is lost.
 */
export function useDraft({ key, clientId, content, onRestore }: DraftOptions) {
  const [state, setState] = useState<DraftState>({ kind: 'idle' });
  const [restored, setRestored] = useState(false);
  const saved = useRef<string | null>(null);
  const latest = useRef(content);
  latest.current = content;
  const restore = useRef(onRestore);
  restore.current = onRestore;

  useEffect(() => {
    let cancelled = false;
    setRestored(false);
    void unwrap(api.drafts.get({ key }))
      .then(({ draft }) => {
        if (cancelled) return;
        if (draft && draft.content !== '') {
          saved.current = draft.content;
          restore.current(draft.content, draft.updatedAt);
          setState({ kind: 'saved', at: draft.updatedAt });
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setRestored(true);
      });
    return () => {
      cancelled = true;
    };
  }, [key]);

  const flush = useCallback(async () => {
    const value = latest.current;
    if (value === (saved.current ?? '')) return;
    setState({ kind: 'saving' });
    try {
      if (value === '') {
        await unwrap(api.drafts.discard({ key }));
        saved.current = null;
        setState({ kind: 'idle' });
      } else {
        const { updatedAt } = await unwrap(api.drafts.save({ key, content: value, clientId }));
        saved.current = value;
        setState({ kind: 'saved', at: updatedAt });
      }
    } catch {
      setState({ kind: 'failed' });
    }
  }, [key, clientId]);

  useEffect(() => registerDraftFlush(flush), [flush]);

  useEffect(() => {
    // Until the stored draft is loaded, an empty form must not overwrite it.
    if (!restored) return;
    const timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [content, restored, flush]);

  const discard = useCallback(async () => {
    saved.current = null;
    latest.current = '';
    await unwrap(api.drafts.discard({ key })).catch(() => undefined);
    setState({ kind: 'idle' });
  }, [key]);

  return { state, discard, restored };
}
