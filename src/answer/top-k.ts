/**
 * The k best (id, value) pairs seen, as a binary min-heap on value: `offer` is O(log k)
 * and allocates nothing. `ids`/`vals` hold the kept pairs in heap order (not sorted) in
 * [0, size). A value equal to the current k-th best does not displace it, so among ties
 * the pairs offered first are kept.
 */
export class TopK {
  readonly ids: Int32Array;
  readonly vals: Float64Array;
  size = 0;
  constructor(readonly k: number) {
    this.ids = new Int32Array(k);
    this.vals = new Float64Array(k);
  }
  offer(id: number, v: number): void {
    const { ids, vals } = this;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((vals[parent] as number) <= v) break;
        ids[i] = ids[parent] as number;
        vals[i] = vals[parent] as number;
        i = parent;
      }
      ids[i] = id;
      vals[i] = v;
      return;
    }
    if (v <= (vals[0] as number)) return;
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (vals[r] as number) < (vals[l] as number) ? r : l;
      if ((vals[c] as number) >= v) break;
      ids[i] = ids[c] as number;
      vals[i] = vals[c] as number;
      i = c;
    }
    ids[i] = id;
    vals[i] = v;
  }
}
