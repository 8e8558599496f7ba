// The sandbox's command line: `--config file`, `--generate-keys path`, `--help`; anything else is one clear error.
import { parseArgs } from 'node:util'

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'generate-keys'; path: string }
  | { kind: 'serve'; configPath: string | undefined }
  | { kind: 'error'; message: string }

export const USAGE = `Usage: token-exchange-sandbox [--config file.json] | --generate-keys path | --help

  --config file        the sandbox configuration (JSON; schema: sandbox/sandbox.config.schema.json);
                       SANDBOX_CONFIG=file does the same
  --generate-keys path write a new private JWKS for SANDBOX_KEYS (file mode 0600) and exit
  --help               this text

Environment: PORT (8693), HOST (127.0.0.1), ISSUER, INTROSPECTION_SECRET, REQUIRE_DPOP,
             SANDBOX_CONFIG, SANDBOX_KEYS (a private JWKS: keys survive restarts), REDIS_URL (shared state)`

/** Reads argv (without node and the script) and the environment's SANDBOX_CONFIG. */
export function readCli(argv: string[], env: Readonly<Record<string, string | undefined>>): CliCommand {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        config: { type: 'string' },
        'generate-keys': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    })
  } catch (error) {
    return { kind: 'error', message: `${(error as Error).message} (see --help)` }
  }
  const { values } = parsed
  if (values.help) return { kind: 'help' }
  if (values['generate-keys'] !== undefined) return { kind: 'generate-keys', path: values['generate-keys'] }
  return { kind: 'serve', configPath: values.config ?? (env.SANDBOX_CONFIG?.trim() || undefined) }
}
