// A small event emitter: the explorer instance emits, the components listen (Pagefind's
// modular UI works the same way: one instance, components registered on it).

export class Emitter {
  #listeners = new Map();

  /** Calls `listener(detail)` on each `type` event; returns a function that stops it. */
  on(type, listener) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type).add(listener);
    return () => this.#listeners.get(type)?.delete(listener);
  }

  emit(type, detail) {
    for (const listener of [...(this.#listeners.get(type) ?? [])]) listener(detail);
  }
}
