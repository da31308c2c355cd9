// Placeholder entry: the Electron shell is built in the desktop-app issue. The services under ./services carry
// all the work and are usable today through the CLI (src/cli).
import { app } from 'electron';

app.whenReady().then(() => {
  console.log('Caption Studio main process: window not built yet');
});
