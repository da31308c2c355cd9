import { describe, expect, it } from 'vitest';
import type { ListedModel } from '../../../shared/contract';
import { serverVerdict } from './server-check';

const model = (id: string, vision: boolean | null): ListedModel => ({
  ...{ id, label: id, vision, known: false, costPerThousand: null, batchCostPerThousand: null },
  freeRequestsPerDay: null,
});
const SERVER = 'the server at 10.0.0.5:8000';
const MODELS = [model('qwen2.5-vl-7b', true), model('llama-3.1-8b', false), model('gemma-3-12b', null)];

describe('what Test found at a server', () => {
  it('no models: it answers, but nothing is loaded there', () => {
    expect(serverVerdict(SERVER, [], 'x')).toEqual({
      tone: 'warn',
      text: 'The server at 10.0.0.5:8000 answers but offers no models: load or download a vision model there first.',
    });
  });

  it('how many models, and whether the chosen one is there and sees images', () => {
    expect(serverVerdict(SERVER, MODELS, '').text).toBe(
      'The server at 10.0.0.5:8000 answers and offers 3 models. Choose one below.',
    );
    expect(serverVerdict(SERVER, MODELS, 'qwen2.5-vl-7b')).toEqual({
      tone: 'ok',
      text: 'The server at 10.0.0.5:8000 answers and offers 3 models, including “qwen2.5-vl-7b”, which sees images.',
    });
    expect(serverVerdict(SERVER, MODELS, 'llama-3.1-8b').tone).toBe('warn');
    expect(serverVerdict(SERVER, MODELS, 'gemma-3-12b').text).toMatch(/does not say whether it sees images/u);
    expect(serverVerdict(SERVER, [MODELS[0] as ListedModel], 'missing')).toEqual({
      tone: 'warn',
      text: 'The server at 10.0.0.5:8000 answers and offers 1 model, but not “missing”. Choose one of its models below.',
    });
  });
});
