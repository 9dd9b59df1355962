/**
 * Work a command starts and lets run beside the rest (the parse cache written
 * by the parsing thread while the documents are made): the output folder is
 * released, and the command ends, only once it has settled.
 */
const pending = new Set<Promise<unknown>>();

export function settleLater(work: Promise<unknown>): void {
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

/** Waits for all such work, including any started meanwhile. */
export async function settled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
