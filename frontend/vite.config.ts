/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The backend serves frontend/dist (with /assets/* cached as immutable) and falls back to index.html.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Hashed file names under assets/ — the backend caches them for a year.
    assetsDir: "assets",
    rolldownOptions: {
      output: {
        // Libraries every page needs, in a chunk of their own that outlives app releases in caches.
        // (Mantine is left to per-route splitting so pages pull only the components they use.)
        advancedChunks: {
          groups: [
            {
              name: "vendor",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|openapi-fetch)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://127.0.0.1:8000", changeOrigin: false },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}", "eslint/**/*.test.js"],
    css: false,
    testTimeout: 20000,
  },
});
