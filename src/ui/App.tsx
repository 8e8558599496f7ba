export function App() {
  return (
    <main className="mx-auto max-w-6xl p-6 font-sans text-slate-900">
      <h1 className="text-2xl font-semibold">Token Exchange Playground</h1>
      <p className="mt-2 text-slate-600">
        OAuth 2.0 Token Exchange (RFC 8693) when a person delegates to an AI agent.
      </p>
    </main>
  )
}
