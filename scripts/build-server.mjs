// The server and the `luyue` command run from one bundled file, dist/luyue-<hash>.mjs, built from src/ when its
// sources changed. Loading TypeScript through a loader at run time keeps a second JavaScript heap of ~100 MB in
// the loader's thread for the life of the process; the bundle has none. Packages stay in node_modules.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, root } from './fingerprint.mjs';

const dist = join(root, 'dist');

/** The path of the bundle of the current sources, built first when there is none. */
export async function builtServer() {
  const hash = fingerprint(['src', 'package.json', 'tsconfig.json', 'scripts/build-server.mjs']).slice(0, 16);
  const file = join(dist, `luyue-${hash}.mjs`);
  if (existsSync(file)) return file;
  const { build } = await import('esbuild');
  mkdirSync(dist, { recursive: true });
  // Built aside and renamed into place, so that commands starting at once never load a half-written file.
  const partial = join(dist, `.luyue-${hash}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  renameSync(`${partial}.map`, `${file}.map`);
  renameSync(partial, file);
  // Older bundles go once they are a minute old (one may be another command's, starting from other sources). A
  // process already running keeps what it loaded: the bundle is one file and nothing is read from it later.
  for (const name of readdirSync(dist)) {
    const path = join(dist, name);
    const old = /^\.?luyue-/.test(name) && !name.startsWith(`luyue-${hash}.`);
    if (old && statSync(path).mtimeMs < Date.now() - 60_000) rmSync(path, { force: true });
  }
  return file;
}

if (process.argv[1] === new URL(import.meta.url).pathname) console.log(await builtServer());
