/**
 * Items gathered into batches and written one batch at a time, while the next batch is being
 * gathered: reading a sheet (CPU) overlaps with the database writing the previous batch. At most
 * one write is in flight; a failed write is rethrown by the next call. Pure.
 */
export class WritePipeline<T> {
  private batch: T[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly size: number,
    private readonly write: (batch: T[]) => Promise<void>,
  ) {}

  async add(item: T): Promise<void> {
    this.batch.push(item);
    if (this.batch.length >= this.size) await this.flush();
  }

  /** Waits for the write in flight, then starts writing what was gathered. */
  async flush(): Promise<void> {
    if (this.writing) await this.writing;
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    const writing = this.write(batch);
    // Seen (and rethrown) by the next flush or by finish; until then it must not count as unhandled.
    writing.catch(() => undefined);
    this.writing = writing;
  }

  /** Writes the rest and waits for every write. */
  async finish(): Promise<void> {
    await this.flush();
    await this.writing;
  }

  /** Waits for the write in flight, ignoring its outcome (before giving up on the whole). */
  async settle(): Promise<void> {
    await this.writing?.catch(() => undefined);
  }
}
