/** Typed-array building blocks of the answer index: growable int lists, per-sentence tallies, CSR postings. */

export class IntList {
  data: Int32Array;
  length = 0;
  constructor(cap = 1024) {
    this.data = new Int32Array(cap);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Counts per term id, listed in first-seen order, over one reused typed array (a Map per sentence costs more). */
export class Tally {
  private count = new Int32Array(1 << 12);
  readonly ids = new IntList(256);
  add(id: number, n: number): void {
    if (id >= this.count.length) {
      const c = new Int32Array(Math.max(id + 1, this.count.length * 2));
      c.set(this.count);
      this.count = c;
    }
    if (this.count[id] === 0) this.ids.push(id);
    this.count[id] = (this.count[id] as number) + n;
  }
  has(id: number): boolean {
    return id < this.count.length && (this.count[id] as number) > 0;
  }
  get(id: number): number {
    return this.count[id] as number;
  }
  clear(): void {
    for (let k = 0; k < this.ids.length; k++) this.count[this.ids.data[k] as number] = 0;
    this.ids.length = 0;
  }
}

/** Counting sort of (term, doc, tf) triples into CSR postings ordered by doc. */
export function csr(
  terms: IntList,
  docs: IntList,
  tfs: IntList,
  vocabSize: number,
): { off: Int32Array; doc: Int32Array; tf: Int32Array } {
  const off = new Int32Array(vocabSize + 1);
  for (let i = 0; i < terms.length; i++) {
    const k = (terms.data[i] as number) + 1;
    off[k] = (off[k] as number) + 1;
  }
  for (let t = 0; t < vocabSize; t++) off[t + 1] = (off[t + 1] as number) + (off[t] as number);
  const fill = off.slice(0, vocabSize);
  const doc = new Int32Array(terms.length);
  const tf = new Int32Array(terms.length);
  for (let i = 0; i < terms.length; i++) {
    const t = terms.data[i] as number;
    const at = fill[t] as number;
    fill[t] = at + 1;
    doc[at] = docs.data[i] as number;
    tf[at] = tfs.data[i] as number;
  }
  return { off, doc, tf };
}
