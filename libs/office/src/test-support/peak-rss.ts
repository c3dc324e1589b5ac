// How much the process's resident memory grew while `run` ran, at its peak: sampled every few
// milliseconds, because memory a parser held is often returned before the call ends.

export interface Measured<T> {
  outcome: { value: T } | { error: unknown };
  /** Peak RSS minus RSS before the call, in bytes. */
  growth: number;
}

export const measurePeakRss = async <T>(run: () => Promise<T>): Promise<Measured<T>> => {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  let outcome: Measured<T>['outcome'];
  try {
    outcome = { value: await run() };
  } catch (error) {
    outcome = { error };
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  return { outcome, growth: peak - before };
};

export const MIB = 1024 * 1024;
