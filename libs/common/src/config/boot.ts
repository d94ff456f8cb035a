import { InvalidConfigurationError, validateEnvironment, type AppConfig } from './environment.js';

/**
 * Checks the environment before Nest starts, so a bad configuration ends the process with one message that
 * names every bad variable instead of a stack trace.
 */
export function validateEnvironmentOrExit(processName: string): AppConfig {
  try {
    return validateEnvironment(process.env);
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    process.stderr.write(
      `${processName} cannot start, the configuration is invalid:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    process.exit(1);
  }
}

export function exitOnBootFailure(error: unknown): never {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
