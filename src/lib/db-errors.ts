/** True when err is a unique violation, optionally of the named constraint (pg and PGlite alike). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23505') return false;
  return !constraint || e.constraint === constraint || (e.message ?? '').includes(constraint);
}

export function isCheckViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23514';
}
