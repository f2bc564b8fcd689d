// Code format check for CI: Prettier's style, and no line over 120 columns (Prettier cannot split a long string
// or comment, so those are split by hand).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 120;
const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mjs', '*.cjs'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.startsWith('test/fixtures/'));

let failed = false;
try {
  execFileSync('npx', ['prettier', '--check', ...files], { stdio: 'inherit' });
} catch {
  failed = true;
}
const long = [];
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if ([...line].length > LIMIT) long.push(`${file}:${i + 1}: ${[...line].length} columns`);
    });
}
if (long.length) {
  console.error(`Lines over ${LIMIT} columns (split them):\n${long.join('\n')}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
