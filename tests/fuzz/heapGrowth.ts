import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, so heap sizes measure what is still referenced. `gc` exists only
 * with --expose-gc; setting the flag at run time and reading `gc` from a fresh context is the
 * documented way to reach it without changing how Jest starts node.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** The heap in use after a full collection, in bytes. */
export function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

export interface HeapGrowth {
  /** Growth over the first measured batch (after a warm-up batch filled caches). */
  first: number;
  /** Growth over the second, equal batch. A leak grows here as much as in the first. */
  second: number;
}

/**
 * Runs `batch` three times: once to warm up (caches, compiled code, pools), then twice
 * measured. What a batch leaks shows as growth in both measured batches; what it only caches
 * shows in the warm-up alone.
 */
export async function heapGrowthOver(batch: (round: number) => Promise<void>): Promise<HeapGrowth> {
  await batch(0);
  const start = heapAfterGc();
  await batch(1);
  const middle = heapAfterGc();
  await batch(2);
  const end = heapAfterGc();
  return { first: middle - start, second: end - middle };
}
