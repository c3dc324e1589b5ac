import { EnvironmentError, validateEnvironment, type Environment } from './environment';

/**
 * The one place that reads process.env: validates it and, when something is missing or
 * malformed, prints every problem and exits with status 78 (configuration error).
 */
export function loadEnvironmentOrExit(service: string): Environment {
  try {
    return validateEnvironment(process.env);
  } catch (error) {
    if (error instanceof EnvironmentError) {
      process.stderr.write(`[${service}] ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
