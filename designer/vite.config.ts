import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The engine (Express + Socket.io) listens on :3000; in production it serves dist/ itself. */
const engine = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: engine, changeOrigin: true },
      '/socket.io': { target: engine, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
