import fs from 'node:fs';
import path from 'node:path';

// Our copy of the allocation examples, plus the shared folder beside the repository when it is there.
const root = path.resolve(__dirname, '../..');
const dirs = [
  path.join(root, 'test/fixtures/allocation-examples'),
  path.resolve(root, '../shared/spec/allocation-examples'),
];

export function exampleCases(): { name: string; dir: string }[] {
  const found = new Map<string, string>();
  for (const dir of dirs.filter((d) => fs.existsSync(d))) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.input.json')))
      found.set(f.replace('.input.json', ''), dir);
  }
  return [...found].map(([name, dir]) => ({ name, dir }));
}
