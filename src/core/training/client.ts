import Replicate from 'replicate';

/** Where the API is: REPLICATE_BASE_URL (the tests' fake) or Replicate itself. Includes `/v1`, as the client wants. */
function replicateBaseUrl(env: NodeJS.ProcessEnv): string {
  return env.REPLICATE_BASE_URL?.trim() || 'https://api.replicate.com/v1';
}

/**
 * Status of the answer given in place of a connection lost during a POST. Not an HTTP status any server sends:
 * the failure reader (failure.ts) turns it into "the connection was lost", and its caller decides what to do.
 */
export const LOST_CONNECTION_STATUS = 599;

/**
 * The official client, with one change through its `fetch` option: a POST whose connection fails is answered
 * with a LOST_CONNECTION_STATUS response instead of an error. The client retries any request that throws,
 * whatever its method, so a `trainings.create` whose answer was lost would be sent again and start a second
 * training (tests/fake-replicate/README.md, "What the client does"). It does not retry a POST that got an
 * answer other than 429, so this stops it there, and the caller looks for the training before trying again.
 * GETs keep the client's own retries (they change nothing). An abort is passed through as it is.
 */
export function createReplicate(token: string, env: NodeJS.ProcessEnv): Replicate {
  const guardedFetch: typeof fetch = async (input, init) => {
    // The client retries a request that throws, aborted or not: an aborted one stops here, before undici starts
    // reading its body again (a file-backed upload read after the abort fails outside any promise we hold).
    init?.signal?.throwIfAborted();
    try {
      return await fetch(input, init);
    } catch (e) {
      const method = (init?.method ?? 'GET').toUpperCase();
      if (method === 'GET' || init?.signal?.aborted) throw e;
      const detail = `The connection was lost before Replicate answered (${causeOf(e)}).`;
      return new Response(JSON.stringify({ title: 'Connection lost', detail, status: LOST_CONNECTION_STATUS }), {
        status: LOST_CONNECTION_STATUS,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
  };
  return new Replicate({
    auth: token,
    baseUrl: replicateBaseUrl(env),
    userAgent: 'caption-studio',
    fetch: guardedFetch,
  });
}

function causeOf(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (cause instanceof Error ? cause.message : String(cause));
}
