import { invalid, type Checked } from './params.js';

/**
 * Work a module command builds across several requests (a report, a fleet), kept in the session under an id
 * the module chose. At most `max` entries live at once, oldest dropped first: a pipeline stopped with Ctrl+C
 * never sends its closing request, and nothing would free its entry.
 */
const ID = /^[A-Za-z0-9-]{1,64}$/;

/** `params[name]` as an entry id: 1-64 letters, digits or hyphens (-32602 naming the field otherwise). */
export function entryId(params: Record<string, unknown>, name: string): Checked<string> {
  const id = params[name];
  return typeof id === 'string' && ID.test(id) ? { ok: true, value: id } : invalid(`params.${name}`, 'must be 1-64 letters, digits or hyphens');
}

/** The entry for `id`, made by `make` (dropping the oldest entries beyond `max`) when there is none yet. */
export function entryOf<T>(store: Map<string, T>, id: string, max: number, make: () => T): T {
  let entry = store.get(id);
  if (entry === undefined) {
    while (store.size >= max) store.delete(store.keys().next().value as string);
    entry = make();
    store.set(id, entry);
  }
  return entry;
}

/** Removes and returns the entry for `id` (undefined when it was never made or was dropped as the oldest). */
export function takeEntry<T>(store: Map<string, T> | undefined, id: string): T | undefined {
  const entry = store?.get(id);
  store?.delete(id);
  return entry;
}
