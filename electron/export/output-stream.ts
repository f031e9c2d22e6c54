import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * The temporary export file as a stream, with the backpressure that producers which cannot see it
 * themselves (exceljs' archiver, fflate's callback) need: wait for 'drain' before producing more.
 * A write error is kept and thrown at the next wait, never left unhandled.
 */
export class ExportFileStream {
  readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(path: string) {
    // 0600: an export holds medical data; 'wx': never write into a file that is already there.
    this.stream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    this.stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  write(chunk: Uint8Array): void {
    this.throwIfFailed();
    this.stream.write(chunk);
  }

  /** Waits while the file's buffer is full. */
  async drained(): Promise<void> {
    this.throwIfFailed();
    if (this.stream.writableNeedDrain) await this.nextDrainOrClose();
    this.throwIfFailed();
  }

  /** Ends the stream and waits until every byte reached the file. */
  async finish(): Promise<void> {
    this.throwIfFailed();
    if (!this.stream.writableEnded) this.stream.end();
    if (!this.stream.closed) await once(this.stream, 'close');
    this.throwIfFailed();
  }

  /** Closes the file without finishing it (cancel, failure); the caller removes it. */
  async abandon(): Promise<void> {
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close');
    this.stream.destroy();
    await closed;
  }

  private nextDrainOrClose(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }

  fail(error: Error): void {
    this.failure ??= error;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

/** Lets queued I/O callbacks run, so compressors get their turn between batches of rows. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
