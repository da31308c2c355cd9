import { act } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { vi } from 'vitest';

/**
 * Component tests run on vitest's fake clock: nothing time-based (the autosave's pause, a toast's lifetime, a
 * dialog's `close` event) happens unless the test lets time pass, so no assertion depends on how busy the machine
 * is. user-event moves the clock by its own zero delays between actions. The DOM test setup restores real timers.
 */
export function startUser(): UserEvent {
  vi.useFakeTimers();
  return userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
}

/** Lets `ms` of fake time pass and every promise it starts settle, inside act so React renders the outcome. */
export async function letTimePass(ms: number): Promise<void> {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

/** Lets the page react to what just happened (a backend answer, an event) without moving the clock. */
export function settle(): Promise<void> {
  return letTimePass(0);
}
