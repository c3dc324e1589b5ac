/** Polls `probe` every 50 ms until it returns a value (not undefined), or fails once `timeoutMs` is out. */
export async function eventually<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, describe: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
