import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './components/AppShell/AppShell';

/** Renders a page of the tab into #root (see index.html and config.html), inside the shell. */
export function renderPage(page: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  createRoot(root).render(
    <StrictMode>
      <AppShell>{page}</AppShell>
    </StrictMode>,
  );
}
