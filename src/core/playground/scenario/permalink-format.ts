// The link format, shared by encoder and decoder: `#s=<version>.<base64url(deflate-raw(JSON change))>`.

export const PERMALINK_VERSION = 1
/** Links longer than this are refused unread: a shared scenario is a few hundred characters. */
export const MAX_PERMALINK_CHARS = 16 * 1024
/** Decompression stops here, so a small link can't expand into a large allocation. */
export const MAX_DECODED_BYTES = 256 * 1024

/** Streams bytes through a (de)compressor, giving up (null) once the output passes `limit`. */
export async function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  chunks.reduce((at, chunk) => (out.set(chunk, at), at + chunk.byteLength), 0)
  return out
}
