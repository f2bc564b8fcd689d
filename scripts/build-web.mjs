// Builds the web app only when its sources changed since the last build, so a restart is quick.
// The fingerprint covers every file vite reads from (web/, the lockfile); it is written after a build succeeds.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'web/dist/.sources');

function files(dir) {
  return readdirSync(dir)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

const hash = createHash('sha256');
for (const path of [...files(join(root, 'web')), join(root, 'package-lock.json')]) {
  hash.update(path.slice(root.length)).update('\0').update(readFileSync(path)).update('\0');
}
const fingerprint = hash.digest('hex');

if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
  console.log('web app is up to date (web/dist)');
} else {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  writeFileSync(stamp, fingerprint);
}
