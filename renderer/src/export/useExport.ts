import { useCallback, useState } from 'react';
import type { ExportKind, ExportProgressEvent } from '../../../shared/ipc/calls/export.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useCoreEvent } from '../ipc/useCoreEvent.js';

/** Starts exports in the core and follows their progress events. */
export function useExport() {
  const [current, setCurrent] = useState<ExportProgressEvent | null>(null);
  const [exportId, setExportId] = useState<string | null>(null);
  const [startError, setStartError] = useState<unknown>(null);

  const onProgress = useCallback(
    (event: ExportProgressEvent) => {
      if (event.exportId === exportId) setCurrent(event);
    },
    [exportId],
  );
  useCoreEvent('export.progress', onProgress);

  const start = async (kind: ExportKind, clientId?: string) => {
    setStartError(null);
    setCurrent(null);
    try {
      const started = await unwrap(api.export.start(clientId ? { kind, clientId } : { kind }));
      setExportId(started.exportId);
      setCurrent({ exportId: started.exportId, state: 'running', fraction: 0, step: '', filePath: null, error: null });
    } catch (error) {
      setStartError(error);
    }
  };
  const cancel = async () => {
    if (exportId) await unwrap(api.export.cancel({ exportId }));
  };
  return { current, start, cancel, startError, busy: current?.state === 'running' };
}
