// Serializable copies of the real Request and Response objects the handlers saw, for rendering and links.

export interface HttpRequestSnapshot {
  method: string
  url: string
  headers: [name: string, value: string][]
  body: string
}

export interface HttpResponseSnapshot {
  status: number
  statusText: string
  headers: [name: string, value: string][]
  body: string
}

/** Reads a clone, so the original can still be handed to a handler. */
export async function snapshotRequest(request: Request): Promise<HttpRequestSnapshot> {
  return {
    method: request.method,
    url: request.url,
    headers: [...request.headers.entries()],
    body: request.body ? await request.clone().text() : '',
  }
}

export async function snapshotResponse(response: Response): Promise<HttpResponseSnapshot> {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    body: response.body ? await response.clone().text() : '',
  }
}

/** A fetch handler: the shape shared by the IdP, the resource server and anything that mounts them. */
export type FetchHandler = (request: Request) => Promise<Response>
