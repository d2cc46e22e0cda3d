import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { Router } from 'wouter';
import { App } from './app';
import { createQueryClient } from './query-client';
import { scrollToTopOnNewPage } from './router/scroll';
import { preloadFromUrl, preloadSettings } from './routes/route-tree';
import './index.css';

const queryClient = createQueryClient();

preloadFromUrl(queryClient, window.location.pathname);
void preloadSettings(queryClient).finally(() => {
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
