/** Shared timing helpers for bench/*.bench.ts. Prints one JSON line per figure. */
export function stats(samples: number[]): { median: number; p95: number; p99: number; min: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { median: q(0.5), p95: q(0.95), p99: q(0.99), min: s[0], max: s[s.length - 1], n: s.length };
}

export function emit(bench: string, metric: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(JSON.stringify({ bench, metric, value: Math.round(value * 1000) / 1000, unit, ...extra }) + '\n');
}

export async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
