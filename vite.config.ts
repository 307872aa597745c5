import { fileURLToPath } from "node:url";
import { crx } from "@crxjs/vite-plugin";
import { defineConfig } from "vite";
import manifest from "./extension/manifest.json" with { type: "json" };

const extensionRoot = fileURLToPath(new URL("./extension", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/extension", import.meta.url));

/**
 * Builds the extension from `extension/manifest.json` into `dist/extension/`, the folder the
 * e2e tests load into Chromium. The e2e tests only ever use this build output, never a dev server.
 */
export default defineConfig({
  root: extensionRoot,
  // Extension pages are served from chrome-extension://<id>/; relative URLs keep assets portable.
  base: "",
  // Preact's automatic JSX runtime, without @preact/preset-vite (no HMR needed for a packed build).
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  plugins: [crx({ manifest })],
  build: {
    outDir,
    emptyOutDir: true,
    // Chromium (minimum_chrome_version 116) runs modern JS; no legacy transforms.
    target: "chrome116",
    // Chromium supports <link rel="modulepreload">; no polyfill script in every page.
    modulePreload: { polyfill: false },
    // Readable stack traces in the e2e tests' console logs, at no cost to users.
    sourcemap: true,
    rollupOptions: {
      // Pages not named in the manifest: the offscreen document is opened by the service worker.
      input: {
        offscreen: fileURLToPath(new URL("./extension/src/offscreen/index.html", import.meta.url)),
      },
    },
  },
});
