/**
 * Fetching a feed an admin pointed us at. The server makes the request, so it is bounded:
 * web addresses only (http or https, at every redirect: a redirect to `file:` or `ftp:` is
 * refused, and at most five of them), ten seconds for the whole exchange, and 5 MB at most
 * (counted as the bytes arrive, whatever Content-Length claims). Only an admin can ask, so
 * addresses on the server's own network are allowed: an intergroup's feed may well be there.
 */
export const FETCH_LIMITS = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

export type FetchProblem = 'unreachable' | 'timeout' | 'tooLarge' | 'status' | 'redirect' | 'notJson';

export class FeedFetchError extends Error {
  constructor(
    readonly problem: FetchProblem,
    readonly status?: number,
  ) {
    super(problem);
    this.name = 'FeedFetchError';
  }
}

const isWeb = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

async function readBounded(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedFetchError('tooLarge');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The JSON a feed URL answers with; a FeedFetchError says what went wrong. */
export async function fetchFeed(address: string, limits: { timeoutMs: number; maxBytes: number; maxRedirects: number } = FETCH_LIMITS): Promise<unknown> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = new URL(address);
  try {
    for (let hops = 0; ; hops += 1) {
      if (!isWeb(url)) throw new FeedFetchError('redirect');
      const response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'application/json' } });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hops >= limits.maxRedirects) throw new FeedFetchError('redirect');
        try {
          url = new URL(location, url);
        } catch {
          throw new FeedFetchError('redirect');
        }
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new FeedFetchError('status', response.status);
      }
      if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new FeedFetchError('tooLarge');
      }
      const bytes = await readBounded(response.body, limits.maxBytes);
      try {
        // JSON is UTF-8 (RFC 8259); a byte order mark is tolerated.
        return JSON.parse(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
      } catch {
        throw new FeedFetchError('notJson');
      }
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw new FeedFetchError(signal.aborted ? 'timeout' : 'unreachable');
  }
}
