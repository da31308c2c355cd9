import { describe, expect, it } from 'vitest';
import { callNames, calls, channelOf, eventNames, listenerNameOf } from './contract';

describe('the contract name lists the preload uses', () => {
  it('list exactly the contract calls, in order', () => {
    expect(callNames).toEqual(Object.keys(calls));
  });

  it('give every call and event its own channel', () => {
    const channels = [...callNames, ...eventNames].map((n) => channelOf(n));
    expect(new Set(channels).size).toBe(channels.length);
    expect(channelOf('listDatasets')).toBe('caption-studio:listDatasets');
  });

  it('name event subscriptions on + Event', () => {
    expect(listenerNameOf('runProgress')).toBe('onRunProgress');
    expect(eventNames.map(listenerNameOf)).toContain('onMenuCommand');
  });
});
