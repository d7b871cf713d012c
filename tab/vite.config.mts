import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const tabRoot = fileURLToPath(new URL('.', import.meta.url));
const fromTab = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The tab: two static pages the service serves under /tab/. `npm run build:tab` writes them to
 * dist/tab; `npx vite --config tab/vite.config.mts` serves them with hot reload and passes
 * /api to the service on :3978 (start it with npm start).
 */
export default defineConfig({
  root: tabRoot,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: fromTab('../dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        // The personal tab "Min utvecklingsplan" and, at #/team, the channel tab's content.
        index: fromTab('index.html'),
        // The configurable channel tab's configuration page.
        config: fromTab('config.html'),
        // The privacy notice and terms of use the app manifest links to.
        privacy: fromTab('privacy.html'),
        terms: fromTab('terms.html'),
      },
      output: {
        // Libraries in their own long-cached files, named for what they are.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js[\\/]/ },
            { name: 'zod-i18next', test: /node_modules[\\/](zod|i18next)[\\/]/ },
            { name: 'fluentui', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
    // Fluent UI alone is over the default 500 kB (minified, ~140 kB gz): see TOOLING.md.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
