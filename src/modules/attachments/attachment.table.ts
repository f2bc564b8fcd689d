import type { Generated } from 'kysely';

export interface AttachmentsTable {
  company_id: string;
  id: Generated<string>;
  owner_type: string;
  owner_id: string;
  kind: string;
  filename: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_at: Generated<Date>;
  created_by: string;
}
