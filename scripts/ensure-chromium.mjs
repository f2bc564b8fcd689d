// Browser tests need Debian's chromium. Install it when missing and possible; otherwise fail
// with the command to run. Never skip the browser tests silently.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
  console.log('Chromium is missing: installing Debian packages chromium and fonts-wqy-microhei …');
  try {
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei',
      { stdio: 'inherit' },
    );
  } catch {
    // reported below
  }
  if (existsSync(path)) process.exit(0);
}
console.error(`Chromium not found at ${path}. Browser tests need it:
  sudo apt-get install -y chromium fonts-wqy-microhei
or set CHROMIUM_PATH to a Chromium binary.`);
process.exit(1);
