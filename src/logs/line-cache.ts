/**
 * Remembers what recent masked lines were mapped to, by the masked line itself, so an exact repeat
 * needs no tree. Cleared when full; a capacity of 0 remembers nothing. Keys are fresh strings made
 * by the masker, so keeping them pins no block of the file.
 * @example const cache = lineCache<number>(1000); cache.set('took <*> ms', 7); cache.get('took <*> ms') // 7
 */
export function lineCache<T>(capacity: number) {
  const entries = new Map<string, T>();
  return {
    get: (line: string): T | undefined => entries.get(line),
    set(line: string, value: T): void {
      if (capacity <= 0) return;
      if (entries.size >= capacity) entries.clear();
      entries.set(line, value);
    },
  };
}
