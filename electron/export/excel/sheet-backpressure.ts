import type { Worksheet } from 'exceljs';

/**
 * exceljs' streaming writer ignores backpressure inside: a committed row goes into the sheet's
 * buffer, which writes on into archiver's deflate stream without waiting. Deflate is slower than
 * row production, so its input queue would grow to the size of the whole uncompressed sheet
 * (measured: ~100 MB for 200k reports, held until the end). This waits until that queue is short.
 *
 * It reads exceljs 4.4 internals (`worksheet.stream.pipes`, the consumer's `_writableState`); when
 * they are not there (another version), it does nothing and the export still works, unbounded.
 */
interface QueueingStream {
  _writableState?: { length?: number };
  once(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
}

const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

export async function sheetDrained(sheet: Worksheet): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: QueueingStream[] } }).stream?.pipes ?? [];
  for (const consumer of pipes) {
    while ((consumer._writableState?.length ?? 0) > MAX_QUEUED_BYTES) await drainOrEnd(consumer);
  }
}

function drainOrEnd(stream: QueueingStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
    stream.once('error', done);
  });
}
