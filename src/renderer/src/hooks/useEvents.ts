import { useEffect } from 'react';
import { subscribeToEvents } from '../actions/events';

/** Keeps the stores subscribed to main's push events for the lifetime of the app. */
export function useEvents(): void {
  useEffect(() => subscribeToEvents(), []);
}
