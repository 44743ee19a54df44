/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The backend's local server (Quarkus, port 8080) serves /api and the local evidence store.
const backend = process.env.ZC_BACKEND_URL ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/local-store': { target: backend, changeOrigin: false },
    },
  },
  // `vite preview` uses the same proxy, so the built app can be tried against a running backend.
  preview: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/local-store': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Element Plus is installed whole; one vendor chunk of ~1 MB is expected.
    chunkSizeWarningLimit: 1600,
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
})
