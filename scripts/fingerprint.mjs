// A hash of the files a build reads, so a build runs only when one of them changed since the last.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Every file under `dir`, sorted, leaving out build output and installed packages. */
function files(dir) {
  return readdirSync(dir)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

/** The hash of the named folders' files and the named files, paths relative to the project. */
export function fingerprint(paths) {
  const hash = createHash('sha256');
  for (const p of paths.map((x) => join(root, x))) {
    for (const path of statSync(p).isDirectory() ? files(p) : [p]) {
      hash.update(path.slice(root.length)).update('\0').update(readFileSync(path)).update('\0');
    }
  }
  return hash.digest('hex');
}
