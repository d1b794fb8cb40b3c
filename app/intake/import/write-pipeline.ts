/**
 * Items gathered into batches, each batch made ready (`prepare`: CPU) and then written (`write`:
 * the database), so that the CPU work on one batch overlaps the database writing the one before:
 * a batch is prepared before waiting for the write in flight. At most one write is in flight, and
 * writes happen in order; a failed write is rethrown by the next call. Pure.
 */
export class WritePipeline<T, P = T[]> {
  private batch: T[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly size: number,
    private readonly prepare: (batch: T[]) => Promise<P>,
    private readonly write: (prepared: P) => Promise<void>,
  ) {}

  async add(item: T): Promise<void> {
    this.batch.push(item);
    if (this.batch.length >= this.size) await this.flush();
  }

  /** Prepares what was gathered, waits for the write in flight, then starts writing it. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) {
      if (this.writing) await this.writing;
      return;
    }
    const batch = this.batch;
    this.batch = [];
    const prepared = await this.prepare(batch);
    if (this.writing) await this.writing;
    const writing = this.write(prepared);
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
