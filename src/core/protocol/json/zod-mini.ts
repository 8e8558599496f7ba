// zod/mini, configured once, for every schema the page bundles: the same checks and messages as classic
// zod in about a third of the bytes (its functional API lets the bundler drop what no schema uses).
import { en } from 'zod/locales'
import * as z from 'zod/mini'

// Classic zod registers English messages by itself; zod/mini leaves the choice to the app and would say
// only "Invalid input". The restore notices quote these messages, so they stay exactly what they were.
// No code generation either: zod otherwise probes `new Function` to compile fast parsers, which the page's
// Content Security Policy (no eval) blocks and reports as a violation. Our inputs are small; the
// interpreted parser is plenty fast.
z.config({ ...en(), jitless: true })

export { z }
