import * as prom from 'prom-client';

/**
 * The metrics registry served on /metrics, on prom-client (the Prometheus text exposition
 * format 0.0.4). Thin wrappers keep this module's calling order (`set(value, labels)`,
 * `observe(value, labels)`) and get-or-create by name; one process-wide registry
 * (`registry`) that any module may add to, plus fresh registries for tests.
 * Reads (`get`, `count`, `render`) are asynchronous because prom-client's are.
 */

export type Labels = Readonly<Record<string, string | number>>;

type LabelValues = prom.LabelValues<string>;

/** The value of one series of a counter or gauge (0 when never set). */
async function seriesValue(metric: prom.Counter | prom.Gauge, labels: Labels | undefined): Promise<number> {
  const wanted = Object.entries(labels ?? {});
  const { values } = await metric.get();
  const hit = values.find(
    (v) =>
      wanted.every(([k, x]) => String(v.labels[k]) === String(x)) && Object.keys(v.labels).length === wanted.length,
  );
  return hit?.value ?? 0;
}

export class Counter {
  constructor(private readonly metric: prom.Counter) {}
  inc(labels?: Labels, by = 1): void {
    this.metric.inc((labels ?? {}) as LabelValues, by);
  }
  /** Current value for these labels (0 when never incremented). */
  get(labels?: Labels): Promise<number> {
    return seriesValue(this.metric, labels);
  }
}

export class Gauge {
  constructor(private readonly metric: prom.Gauge) {}
  set(value: number, labels?: Labels): void {
    this.metric.set((labels ?? {}) as LabelValues, value);
  }
  inc(labels?: Labels, by = 1): void {
    this.metric.inc((labels ?? {}) as LabelValues, by);
  }
  dec(labels?: Labels, by = 1): void {
    this.metric.dec((labels ?? {}) as LabelValues, by);
  }
  get(labels?: Labels): Promise<number> {
    return seriesValue(this.metric, labels);
  }
}

export class Histogram {
  constructor(
    private readonly name: string,
    private readonly metric: prom.Histogram,
  ) {}
  observe(value: number, labels?: Labels): void {
    this.metric.observe((labels ?? {}) as LabelValues, value);
  }
  /** Start timing; the returned function observes the elapsed seconds and returns them. */
  startTimer(labels?: Labels): () => number {
    return this.metric.startTimer((labels ?? {}) as LabelValues);
  }
  /** Observations recorded for these labels. */
  async count(labels?: Labels): Promise<number> {
    const wanted = Object.entries(labels ?? {});
    const { values } = await this.metric.get();
    const hit = values.find(
      (v) => v.metricName === `${this.name}_count` && wanted.every(([k, x]) => String(v.labels[k]) === String(x)),
    );
    return hit?.value ?? 0;
  }
}

export class MetricsRegistry {
  private readonly prom = new prom.Registry();
  private readonly made = new Map<string, Counter | Gauge | Histogram>();

  private getOrCreate<M extends Counter | Gauge | Histogram>(
    name: string,
    kind: new (...args: never[]) => M,
    create: () => M,
  ): M {
    const existing = this.made.get(name);
    if (existing) {
      if (!(existing instanceof kind)) throw new Error(`metric ${name} is already registered with another type`);
      return existing;
    }
    const metric = create();
    this.made.set(name, metric);
    return metric;
  }

  /** Get or create; registering the same name twice returns the first instance. */
  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.getOrCreate(
      name,
      Counter,
      () => new Counter(new prom.Counter({ name, help, labelNames, registers: [this.prom] })),
    );
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.getOrCreate(
      name,
      Gauge,
      () => new Gauge(new prom.Gauge({ name, help, labelNames, registers: [this.prom] })),
    );
  }

  histogram(name: string, help: string, buckets: readonly number[], labelNames: readonly string[] = []): Histogram {
    return this.getOrCreate(
      name,
      Histogram,
      () =>
        new Histogram(
          name,
          new prom.Histogram({ name, help, labelNames, buckets: [...buckets], registers: [this.prom] }),
        ),
    );
  }

  /** The Content-Type of `render()`'s text. */
  get contentType(): string {
    return this.prom.contentType;
  }

  /** The Prometheus text format. */
  render(): Promise<string> {
    return this.prom.metrics();
  }
}

/** The process-wide registry served on /metrics. */
export const registry = new MetricsRegistry();
