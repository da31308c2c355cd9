import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAi, startFakeOpenAi } from '../fake-openai';
import { cliEnv, runCli } from '../support/cli';
import { copyFixtures, removeDir, tempDir } from '../support/fixtures';

/** `caption --provider openai --base-url ...`: a local server from the command line, as a real child process. */

interface CliJson {
  datasetId: string;
  zip: string | null;
  images: Array<{ source: string; caption?: string; model: string | null; provider: string | null }>;
}

describe('caption CLI with an OpenAI-compatible server', () => {
  let work: string;
  let folder: string;
  let server: FakeOpenAi;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = await tempDir();
    folder = await copyFixtures(work);
    server = await startFakeOpenAi({ flavour: 'ollama', models: ['qwen2.5vl:7b'] });
    env = cliEnv({ CAPTION_STUDIO_DATA_DIR: join(work, 'data') });
  });
  afterAll(async () => {
    await server.close();
    await removeDir(work);
  });

  it('needs --base-url and --model to switch to a server (usage errors, exit 2)', async () => {
    const noUrl = await runCli(['caption', folder, '--trigger', 'ide_main_hall', '--provider', 'openai'], env);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toMatch(/--base-url/u);
    const noModel = await runCli(['caption', folder, '--trigger', 'ide_main_hall', '--base-url', server.url], env);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toMatch(/--model/u);
  });

  it('captions with the server, no key needed, and says which model wrote each caption', async () => {
    const out = join(work, 'local.zip');
    const args = ['caption', folder, '--trigger', 'ide_main_hall', '--out', out, '--json'];
    const run = await runCli(
      [...args, '--provider', 'openai', '--base-url', server.url, '--model', 'qwen2.5vl:7b'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as CliJson;
    const byModel = result.images.filter((i) => i.model !== null);
    expect(byModel).toHaveLength(11);
    for (const i of byModel) expect(i).toMatchObject({ model: 'qwen2.5vl:7b', provider: 'openai' });
    // The one caption that came from its .txt names no model.
    expect(result.images.find((i) => i.source.endsWith('IMG_0002.jpeg'))).toMatchObject({
      model: null,
      provider: null,
    });
    expect(server.maxConcurrent).toBeLessThanOrEqual(2);

    // A rerun without the flags resumes the same dataset on the same server, asking nothing again.
    const before = server.requests.length;
    const again = await runCli([...args], env);
    expect(again.code, again.stderr).toBe(0);
    expect(server.requests.filter((r, i) => i >= before && r.kind === 'chat')).toHaveLength(0);
  });
});
