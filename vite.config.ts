import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const repo = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** Cross-origin isolation, so the worker can publish snapshots in a SharedArrayBuffer. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The default poster travels beside the element's script (it loads it from there). */
function embedPoster(): Plugin {
  return {
    name: 'ft-embed-poster',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'ft-twin-poster.svg',
        source: readFileSync(repo('./public/ft-twin-poster.svg')),
      });
    },
  };
}

// `vite build` builds the app (dist/twin); `vite build --mode embed` builds the documentation
// embed (dist/embed): the `<ft-twin>` loader, the iframe client, their lazy chunks and the
// engine worker, under stable names a page can link to.
const embedConfig: UserConfig = {
  root: repo('./packages/embed'),
  // Chunks and the worker are found relative to the loader, wherever it is served from.
  base: './',
  publicDir: false,
  plugins: [react(), embedPoster()],
  build: {
    outDir: repo('./dist/embed'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        'ft-twin': repo('./packages/embed/src/ft-twin.ts'),
        'ft-twin-frame': repo('./packages/embed/src/frame-client.ts'),
      },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // three.js in one chunk (its core and renderer compress better together).
        manualChunks: (id: string) =>
          id.includes('/node_modules/three/build/') ? 'three' : undefined,
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  worker: {
    format: 'es',
    rollupOptions: { output: { entryFileNames: 'ft-twin-worker.js' } },
  },
};

const appConfig: UserConfig = {
  root: repo('./apps/twin'),
  publicDir: repo('./public'),
  plugins: [react()],
  build: {
    outDir: repo('./dist/twin'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        index: repo('./apps/twin/index.html'),
        embed: repo('./apps/twin/embed.html'),
      },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, headers: isolationHeaders },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: isolationHeaders },
};

export default defineConfig(({ mode }) => (mode === 'embed' ? embedConfig : appConfig));
