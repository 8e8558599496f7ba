#!/usr/bin/env bash
# The sandbox in a CI job: your config, keys that outlive restarts, optional Redis, then the attack runner.
set -euo pipefail
work=$(mktemp -d)
trap 'kill "$sandbox_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# 1. Keys: a private JWKS, mode 0600, never committed. Every instance started with it signs the same way.
npm run --silent sandbox -- --generate-keys "$work/keys.json"

# 2. Start the sandbox with a config (the schema is sandbox/sandbox.config.schema.json) and those keys.
#    With REDIS_URL set, the replay cache, nonces and audit log are shared by every instance using it.
#    (From the npm package: npx token-exchange-sandbox --config …; here, one node process we can stop.)
PORT=${PORT:-8693} SANDBOX_KEYS="$work/keys.json" \
  node --import tsx sandbox/main.ts --config examples/sandbox.config.json >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
base="http://127.0.0.1:${PORT:-8693}"
for _ in $(seq 50); do curl -sf "$base/jwks" >/dev/null && break; sleep 0.2; done

# 3. Attack a protected endpoint that trusts the sandbox (here the sandbox's own), with a JUnit report.
npm run --silent attack -- --target "$base/api/repos/marwan/playground" --issuer "$base" \
  --keys "$work/keys.json" --junit "${JUNIT:-$work/attacks.xml}"
