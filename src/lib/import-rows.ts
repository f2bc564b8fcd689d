import type { z } from 'zod';
import { AppError } from './errors';
import type { ImportError, SheetColumn } from './excel';

/** Validates spreadsheet rows with the route's own schema; errors name the row and the column header. */
export function parseImportRows<T>(
  sheet: { rows: { row: number; values: Record<string, string> }[]; errors: ImportError[] },
  columns: SheetColumn[],
  schema: z.ZodType<T>,
  toInput: (values: Record<string, string>) => unknown,
  fieldToColumn: Record<string, string> = {},
): { inputs: { row: number; input: T }[]; errors: ImportError[] } {
  const errors = [...sheet.errors];
  const inputs: { row: number; input: T }[] = [];
  for (const { row, values } of sheet.rows) {
    const parsed = schema.safeParse(toInput(values));
    if (parsed.success) {
      inputs.push({ row, input: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const key = fieldToColumn[field] ?? field;
      errors.push({ row, column: columns.find((c) => c.key === key)?.header ?? field, message: issue.message });
    }
  }
  return { inputs, errors };
}

/** How many errors an import report lists; the count says how many there are in all. */
export const REPORTED_ERRORS = 100;

/** All rows or none: the first 100 (row, column, message) in row order and the total count, nothing written. */
export const importFailed = (errors: ImportError[]) =>
  new AppError('IMPORT.ROWS_INVALID', { count: errors.length }, [], {
    errors: [...errors].sort((a, b) => a.row - b.row).slice(0, REPORTED_ERRORS),
    total: errors.length,
  });
