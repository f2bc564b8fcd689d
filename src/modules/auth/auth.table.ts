import type { ColumnType, Generated } from 'kysely';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  active: Generated<boolean>;
  /** Set on a generated first password; cleared when the password is changed. */
  must_change_password: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface MembershipsTable {
  company_id: string;
  user_id: string;
  roles: string[];
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface SessionsTable {
  id: string; // sha-256 of the secret; the secret itself is never stored
  user_id: string;
  company_id: string;
  kind: 'cookie' | 'token';
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  revoked_at: ColumnType<Date | null, never, Date>;
}

export interface LoginFailuresTable {
  /** "user:<username>@<address>" or "address:<address>". */
  throttle_key: string;
  failures: number;
  last_failed_at: Date;
}

export interface IdempotencyKeysTable {
  company_id: string;
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response: string | null;
  created_at: Generated<Date>;
}
