import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const apiServer = 'http://127.0.0.1:3000';

/**
 * The API refuses cookie-carrying writes whose Origin is not its own (CSRF defence). In
 * development the browser's origin is Vite's, so the proxy restates a same-origin request
 * as coming from the API server; writes from any other origin still reach it unchanged
 * and are refused there.
 */
const toApi: ProxyOptions = {
  target: apiServer,
  changeOrigin: true,
  configure(proxy) {
    proxy.on('proxyReq', (proxyReq, req) => {
      const origin = req.headers.origin;
      if (origin && origin === `http://${req.headers.host}`) proxyReq.setHeader('origin', apiServer);
    });
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': toApi, '/healthz': toApi, '/feeds': toApi },
  },
});
