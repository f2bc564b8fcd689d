// Builds the web app only when its sources changed since the last build, so a restart is quick.
// The fingerprint covers every file vite reads from (web/, the lockfile); it is written after a build succeeds.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fingerprint, root } from './fingerprint.mjs';

const stamp = join(root, 'web/dist/.sources');
const sources = fingerprint(['web', 'package-lock.json']);

if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === sources) {
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
  writeFileSync(stamp, sources);
}
