// The server and the `luyue` command run from one bundled file, dist/luyue-<hash>.mjs, built from src/ when its
// sources changed. Loading TypeScript through a loader at run time keeps a second JavaScript heap of ~100 MB in
// the loader's thread for the life of the process; the bundle has none. Packages stay in node_modules.
import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, root } from './fingerprint.mjs';

const dist = join(root, 'dist');

/** May this process write the bundle (an installation may be read-only to the user running it)? */
function writable() {
  try {
    accessSync(existsSync(dist) ? dist : dirname(dist), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of the bundle of the current sources, built first when there is none; undefined if it cannot be. */
export async function builtServer() {
  const hash = fingerprint(['src', 'package.json', 'tsconfig.json', 'scripts/build-server.mjs']).slice(0, 16);
  const file = join(dist, `luyue-${hash}.mjs`);
  if (existsSync(file)) return file;
  if (!writable()) return undefined;
  const { build } = await import('esbuild');
  mkdirSync(dist, { recursive: true });
  // Built aside and renamed into place, so that commands starting at once never load a half-written file.
  const partial = join(dist, `.luyue-${hash}-${randomUUID()}.mjs`);
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'external',
    logLevel: 'warning',
  });
  renameSync(`${partial}.map`, `${file}.map`);
  renameSync(partial, file);
  // Older bundles go once they are a minute old (one may be another command's, starting from other sources). A
  // process already running keeps what it loaded: the bundle is one file and nothing is read from it later.
  for (const name of readdirSync(dist)) {
    const path = join(dist, name);
    const old = /^\.?luyue-/.test(name) && !name.startsWith(`luyue-${hash}.`);
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (old && age > 60_000) rmSync(path, { force: true });
  }
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await builtServer());
