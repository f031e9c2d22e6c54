/** One measured figure with the target it is judged against. Benchmarks print; tests never time. */
export interface BenchFigure {
  /** What was measured, e.g. "store: FTS report search p95". */
  name: string;
  value: number;
  unit: string;
  target: number;
  /** `max`: the figure must stay at or below the target; `min`: at or above. */
  targetKind: 'max' | 'min';
}

/** A benchmark module under bench/<name>/index.ts exports one of these as default. */
export type Benchmark = () => Promise<BenchFigure[]>;

export function meetsTarget(figure: BenchFigure): boolean {
  return figure.targetKind === 'max' ? figure.value <= figure.target : figure.value >= figure.target;
}
