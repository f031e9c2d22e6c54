import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { registerDraftFlush } from './draft-registry.js';

export type DraftState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

/** Quiet time after the last keystroke before the draft is written. */
const SAVE_DELAY_MS = 600;
/** Typing without a pause still writes the draft this often: a long burst is never only in memory. */
const MAX_UNSAVED_MS = 2_000;
/**
 * Moments the draft is written at once, without waiting for the quiet time: a field loses focus
 * (the nurse moves on), the window goes to the background or is closed or reloaded. A crash
 * between keystrokes then loses at most the quiet time of the field being typed in.
 */
const FLUSH_ON_DOCUMENT = ['focusout', 'visibilitychange'] as const;
const FLUSH_ON_WINDOW = ['blur', 'pagehide', 'beforeunload'] as const;

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
  /** What the last save sent, while it is on its way: the same content is not sent twice. */
  const sending = useRef<string | null>(null);
  /** When typing began that is not yet in the store, for MAX_UNSAVED_MS. */
  const unsavedSince = useRef<number | null>(null);
  const latest = useRef(content);
  latest.current = content;
  const restoredRef = useRef(false);
  restoredRef.current = restored;
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

  // Calls go out in order over one channel (IPC or the preview socket), so a later save or
  // discard of the same key always lands after an earlier one.
  const flush = useCallback(async () => {
    // Until the stored draft is loaded, an empty form must not overwrite it.
    if (!restoredRef.current) return;
    const value = latest.current;
    if (value === (sending.current ?? saved.current ?? '')) return;
    sending.current = value;
    unsavedSince.current = null;
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
    } finally {
      if (sending.current === value) sending.current = null;
    }
  }, [key, clientId]);

  useEffect(() => registerDraftFlush(flush), [flush]);

  useEffect(() => {
    const onDocument = () => void flush();
    for (const event of FLUSH_ON_DOCUMENT) document.addEventListener(event, onDocument);
    for (const event of FLUSH_ON_WINDOW) window.addEventListener(event, onDocument);
    return () => {
      for (const event of FLUSH_ON_DOCUMENT) document.removeEventListener(event, onDocument);
      for (const event of FLUSH_ON_WINDOW) window.removeEventListener(event, onDocument);
    };
  }, [flush]);

  useEffect(() => {
    if (!restored) return;
    if (content === (sending.current ?? saved.current ?? '')) return;
    unsavedSince.current ??= Date.now();
    const wait = Math.min(SAVE_DELAY_MS, Math.max(0, unsavedSince.current + MAX_UNSAVED_MS - Date.now()));
    const timer = setTimeout(() => void flush(), wait);
    return () => clearTimeout(timer);
  }, [content, restored, flush]);

  const discard = useCallback(async () => {
    saved.current = null;
    sending.current = null;
    unsavedSince.current = null;
    latest.current = '';
    await unwrap(api.drafts.discard({ key })).catch(() => undefined);
    setState({ kind: 'idle' });
  }, [key]);

  return { state, discard, restored };
}
