import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { Router } from 'wouter';
import { DASHBOARD_SETTINGS_URL } from '@/api/dashboard/clusters';
import { DEFAULT_TIMEOUT_MS, sendEarly } from '@/api/http';
import { App } from './app';
import { createQueryClient } from './query-client';
import { scrollToTopOnNewPage } from './router/scroll';
import { preloadFromUrl, preloadSettings } from './routes/route-tree';
import './index.css';

const queryClient = createQueryClient();

// The cluster list (and its schema's code) is every page's first answer: asked for before anything
// else, so it does not wait for a connection behind the page's code.
sendEarly(DASHBOARD_SETTINGS_URL, DEFAULT_TIMEOUT_MS);
const settings = preloadSettings(queryClient);
preloadFromUrl(queryClient, window.location.pathname);
void settings.finally(() => {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Router aroundNav={scrollToTopOnNewPage}>
          <App />
        </Router>
      </QueryClientProvider>
    </StrictMode>,
  );
});
