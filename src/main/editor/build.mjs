// Bundles editor.js and CodeMirror into one file the app serves itself (no CDN):
//   cd src/main/editor && npm ci && npm run build
// The output, src/main/resources/static/editor.js, is committed: Run and Test need no Node.
import { build } from "esbuild";

await build({
  entryPoints: ["editor.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome90", "firefox90", "safari14"],
  legalComments: "eof",
  outfile: "../resources/static/editor.js",
});
