import fs from 'node:fs';
import type { Command } from 'commander';
import { allocateExplained } from '../modules/allocation/engine/engine';
import { explainRow } from '../modules/allocation/engine/explain';
import { validateInput } from '../modules/allocation/engine/validate';
import { allocationXlsx } from '../modules/allocation/allocation.xlsx';

/** `luyue allocate INPUT.json`: the engine alone, no database. stdout holds the result JSON and nothing else. */
export function allocateCommand(program: Command) {
  program
    .command('allocate <input>')
    .description('run the allocation engine (分货) on an allocation-input/v1 file; prints allocation-result/v1 JSON')
    .option('--out <file>', 'also write the result JSON to this file')
    .option('--explain', 'add a zh-CN and English explanation to every allocation row')
    .option(
      '--xlsx <file>',
      'write the result as an Excel workbook (one sheet per target kind, money, remaining stock)',
    )
    .option('--lang <lang>', 'language of the Excel workbook: zh-CN or en', 'zh-CN')
    .action(async (inputPath: string, opts: { out?: string; explain?: boolean; xlsx?: string; lang: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(inputPath, 'utf8'));
      } catch (err) {
        process.stderr.write(`${inputPath}: ${(err as Error).message}\n`);
        process.exit(2);
      }
      if (opts.lang !== 'zh-CN' && opts.lang !== 'en') {
        process.stderr.write(`--lang: zh-CN or en, not ${opts.lang}\n`);
        process.exit(2);
      }
      const v = validateInput(raw);
      if (!v.ok) {
        for (const e of v.errors) process.stderr.write(`${e}\n`);
        process.exit(2);
      }
      const { result, rows } = allocateExplained(v.input);
      const output = opts.explain
        ? {
            ...result,
            allocations: rows.map(({ facts, ...row }) => ({ ...row, explain: explainRow({ ...row, facts }) })),
          }
        : result;
      const json = `${JSON.stringify(output, null, 2)}\n`;
      if (opts.out) fs.writeFileSync(opts.out, json);
      if (opts.xlsx) fs.writeFileSync(opts.xlsx, await allocationXlsx(result, rows, opts.lang));
      process.stdout.write(json);
    });
}
