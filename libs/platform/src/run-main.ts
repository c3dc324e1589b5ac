/** Runs an app's main function; a failure at start-up is printed once and exits non-zero. */
export function runMain(service: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`[${service}] failed to start: ${message}\n`);
    process.exit(1);
  });
}
