// The form-encoded POST every token endpoint takes (RFC 6749 §4.1.3, RFC 8693 §2.1), as a flow's party sends it.

/** A `POST` of `application/x-www-form-urlencoded` parameters to `url`. */
export const formPost = (url: string, params: Record<string, string>): Request =>
  new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  })
