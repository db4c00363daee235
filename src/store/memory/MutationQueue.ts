/**
 * Runs async tasks one at a time, in call order. The memory store sends every
 * write through one queue, so a write validates against the state the
 * previous write left and nothing interleaves between its check, its journal
 * record and its apply (the memory counterpart of a Neo4j write transaction).
 */
export class MutationQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    // The next task waits for this one whatever its outcome; the caller sees the outcome.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
