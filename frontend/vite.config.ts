import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const backend = 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: backend, ws: true },
      '/auth': backend,
      '/healthz': backend,
      '/files': backend,
      '/exports': backend,
      '/packs': backend,
      // iCalendar files; /meetings/:id itself is a page of the app.
      '^/(meetings|committees)/[^/]+/calendar\\.ics$': backend,
    },
  },
  build: {
    outDir: 'dist',
    // nhsuk-frontend ships its CSS minified already, with an old-IE media hack lightningcss rejects.
    cssMinify: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
  },
});
