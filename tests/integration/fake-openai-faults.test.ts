import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  APIConnectionError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl, type FakeOpenAi, type FakeOpenAiOptions, type Fault, startFakeOpenAi } from '../fake-openai';
import { captionRequest, clientFor, failure, jpegDataUrl, latch } from '../fake-openai/test-kit';

/** Transient faults, keys, a server that is not running, latency and concurrency, as the client sees them. */

let fake: FakeOpenAi;
let photo: string;

beforeAll(async () => {
  photo = await jpegDataUrl(64, 48);
});
afterEach(() => fake?.close());

const start = async (options: FakeOpenAiOptions, apiKey?: string) => {
  await fake?.close();
  fake = await startFakeOpenAi(options);
  return clientFor(fake, apiKey === undefined ? {} : { apiKey });
};
const caption = (model = 'qwen2.5vl:7b') => captionRequest(model, photo);
const always = (fault: Fault) => () => fault;

describe('transient faults', () => {
  it('503 and 500 reach the client as InternalServerError with the server words', async () => {
    const ollama = await start({ fault: always('503') });
    const busy = await failure(ollama.chat.completions.create(caption()));
    expect(busy).toBeInstanceOf(InternalServerError);
    expect(busy.message).toBe('503 server busy, please try again.  maximum pending requests exceeded');
    fake.setBehaviour({ fault: always('500') });
    const crashed = await failure(ollama.chat.completions.create(caption()));
    expect(crashed).toMatchObject({ status: 500, type: 'api_error' });

    const llama = await start({ flavour: 'llamacpp', fault: always('503') });
    const loading = await failure(llama.chat.completions.create(caption()));
    expect(loading.error).toEqual({ code: 503, message: 'Loading model', type: 'unavailable_error' });
    expect(fake.requests[0]?.outcome).toBe('overloaded');
  });

  it('a dropped socket is an APIConnectionError', async () => {
    const client = await start({ fault: always('drop') });
    const err = await failure(client.chat.completions.create(caption()));
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err.message).toBe('Connection error.');
    expect(fake.requests[0]?.outcome).toBe('drop');
  });

  it('429 carries retry-after and the OpenAI or OpenRouter body', async () => {
    const openai = await start({ flavour: 'openai', fault: always('429'), retryAfterSeconds: 7 });
    const limited = await failure(openai.chat.completions.create(caption('gpt-4o-mini')));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(limited.headers?.get('retry-after')).toBe('7');
    expect(limited.message).toMatch(/^429 Rate limit reached for gpt-4o-mini .+ Please try again in 7s\./u);

    const router = await start({ flavour: 'openrouter', fault: always('429') });
    const free = await failure(router.chat.completions.create(caption('qwen/qwen2.5-vl-72b-instruct')));
    expect(free.message).toBe('429 Rate limit exceeded: free-models-per-min. ');
    expect(free.error).toMatchObject({ code: 429, metadata: { headers: { 'X-RateLimit-Remaining': '0' } } });
    expect(free.headers?.get('retry-after')).toBe('1');
  });

  it("the client's own retries show in the log as attempts of one image", async () => {
    fake = await startFakeOpenAi({ retryAfterSeconds: 0, fault: (r) => (r.attempt < 3 ? '429' : undefined) });
    const patient = clientFor(fake, { maxRetries: 2 });
    const r = await patient.chat.completions.create(caption());
    expect(r.choices[0]?.finish_reason).toBe('stop');
    expect(fake.requests.map((q) => [q.attempt, q.retryCount, q.outcome])).toEqual([
      [1, 0, 'rate-limit'],
      [2, 1, 'rate-limit'],
      [3, 2, 'ok'],
    ]);
  });

  it('failRate injects the same seeded mix every run', async () => {
    const outcomes = async () => {
      const client = await start({ failRate: 0.5, seed: 3 });
      for (let i = 0; i < 12; i++) await client.chat.completions.create(caption()).catch(() => undefined);
      return fake.requests.map((r) => r.outcome);
    };
    const first = await outcomes();
    expect(await outcomes()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });
});

describe('keys', () => {
  it('OpenAI answers a wrong key with 401 invalid_api_key, the models list too', async () => {
    const client = await start({ flavour: 'openai', apiKey: 'sk-right-key-0001' }, 'sk-wrong-key-9999');
    const err = await failure(client.chat.completions.create(caption('gpt-4o-mini')));
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ code: 'invalid_api_key', type: 'invalid_request_error' });
    expect(err.message).toBe(
      '401 Incorrect API key provided: sk-wrong*****9999. You can find your API key at https://platform.openai.com/account/api-keys.',
    );
    await expect(client.models.list()).rejects.toBeInstanceOf(AuthenticationError);
    const right = clientFor(fake, { apiKey: 'sk-right-key-0001' });
    expect((await right.chat.completions.create(caption('gpt-4o-mini'))).choices).toHaveLength(1);
  });

  it.each([
    ['openrouter', '401 User not found.'],
    ['vllm', '401 "Unauthorized"'],
    ['llamacpp', '401 Invalid API Key'],
  ] as const)('%s refuses a wrong key in its own words', async (flavour, message) => {
    const client = await start({ flavour, apiKey: 'right' }, 'wrong');
    const err = await failure(client.chat.completions.create(caption()));
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.message).toBe(message);
    expect(fake.requests[0]).toMatchObject({ outcome: 'unauthorized', authorization: 'bearer' });
  });

  it('OpenRouter without a key: "No auth credentials found"', async () => {
    await start({ flavour: 'openrouter', apiKey: 'right' });
    const res = await fetch(`${fake.url}/chat/completions`, { method: 'POST', body: JSON.stringify(caption()) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { message: 'No auth credentials found', code: 401 } });
    expect(fake.requests[0]?.authorization).toBe('missing');
  });

  it('Ollama and LM Studio accept any key, like the real ones', async () => {
    for (const flavour of ['ollama', 'lmstudio'] as const) {
      const client = await start({ flavour, apiKey: 'configured' }, 'whatever');
      const r = await client.chat.completions.create(caption());
      expect(r.choices[0]?.finish_reason).toBe('stop');
    }
  });
});

describe('connection and timing', () => {
  it('a server that is not running refuses the connection', async () => {
    const err = await failure(clientFor(await closedPortUrl()).chat.completions.create(caption()));
    expect(err).toBeInstanceOf(APIConnectionError);
    const cause = (err.cause as { cause?: { code?: string } } | undefined)?.cause;
    expect(cause?.code).toBe('ECONNREFUSED');
  });

  it('waits latencyMs before answering, holding the request in flight', async () => {
    const waits: number[] = [];
    const gate = latch();
    const waiting = latch();
    const client = await start({
      latencyMs: 250,
      sleep: (ms) => {
        waits.push(ms);
        waiting.open();
        return gate.promise;
      },
    });
    const answer = client.chat.completions.create(caption());
    await waiting.promise;
    expect(fake.inFlight).toBe(1);
    expect(fake.requests[0]).toMatchObject({ status: 0, outcome: 'pending' });
    gate.open();
    expect((await answer).choices[0]?.finish_reason).toBe('stop');
    expect(waits).toEqual([250]);
    expect(fake.inFlight).toBe(0);
  });

  it('counts the most requests it handled at once', async () => {
    const gate = latch();
    let arrived = 0;
    const client = await start({
      sleep: () => {
        if (++arrived === 3) gate.open();
        return gate.promise;
      },
    });
    await Promise.all([1, 2, 3].map(() => client.chat.completions.create(caption())));
    expect(fake.maxConcurrent).toBe(3);
    await client.chat.completions.create(caption());
    expect(fake.maxConcurrent).toBe(3);
  });

  it('records a client that gives up before the answer', async () => {
    const waiting = latch();
    const client = await start({
      sleep: () => {
        waiting.open();
        return latch().promise;
      },
    });
    const abort = new AbortController();
    const answer = client.chat.completions.create(caption(), { signal: abort.signal });
    await waiting.promise;
    abort.abort();
    await expect(answer).rejects.toBeInstanceOf(APIUserAbortError);
    await expect.poll(() => fake.requests[0]?.clientAborted, { timeout: 10_000 }).toBe(true);
  });

  it('cli.ts prints FAKE_OPENAI_URL and serves until killed', async () => {
    const args = ['--import', 'tsx', 'tests/fake-openai/cli.ts', '--flavour', 'vllm', '--models', 'a,b'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      while (!/FAKE_OPENAI_URL=\S+\n/u.test(out)) {
        const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
        out += chunk.toString();
      }
      const url = /FAKE_OPENAI_URL=(\S+)/u.exec(out)?.[1] ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/u);
      expect((await clientFor(url).models.list()).data.map((m) => m.id)).toEqual(['a', 'b']);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
