/**
 * `items.map(fn)` that hands the event loop back every few items. Segmenting Chinese text (jieba)
 * costs a fraction of a millisecond per document; a batch of hundreds done in one go held up every
 * request the same process was serving — the public form's slowest answers, in the intake
 * benchmark, with indexing in the server. Pure.
 */
export async function mapInTurns<T, R>(items: readonly T[], fn: (item: T) => R, every = 16): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    out.push(fn(items[i]!));
  }
  return out;
}
