import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts the server's field errors on the form's fields ("contacts[0].phone" → ['contacts', 0, 'phone']);
 * true when it did.
 */
export function showServerErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  form.setFields(
    err.fields.map((f) => ({
      name: f.path
        .split(/[.[\]]/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: [f.message],
    })),
  );
  return true;
}

export const moneyRule = { pattern: /^\d{1,16}(\.\d{1,2})?$/, message: '0.00' };
