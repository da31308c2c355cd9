import { useEffect } from 'react';
import { runMenuCommand } from '../actions/menu';
import { api } from '../api';

/** The application menu (and its shortcuts) arrives as events from main. */
export function useMenuCommands(): void {
  useEffect(() => api.onMenuCommand(({ command }) => runMenuCommand(command)), []);
}
