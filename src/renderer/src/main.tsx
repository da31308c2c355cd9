import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/dialog.css';
import './styles/forms.css';
import './styles/settings.css';
import './styles/app.css';
import './styles/start.css';
import './styles/workspace.css';
import './styles/gallery.css';
import './styles/search.css';
import './styles/bulk.css';
import './styles/check.css';
import './styles/editor.css';
import './styles/export-train.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
