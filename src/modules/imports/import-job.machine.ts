import { defineMachine, statusColumn } from '../../lib/state-machine';
import { importJobLabels } from './import-job.labels';
import type { ImportJobStatus } from './import-job.table';

export type ImportJobEvent = 'start' | 'succeed' | 'fail';

// A large import: queued when its file is stored, running while the job reads and checks it, then succeeded (all
// rows written in one transaction) or failed (nothing written, the errors kept). Only the job runner moves it.
export const importJobMachine = defineMachine<ImportJobStatus, ImportJobEvent, unknown>({
  entity: 'import_job',
  labels: importJobLabels,
  store: statusColumn('import_jobs'),
  initial: 'queued',
  states: ['queued', 'running', 'succeeded', 'failed'],
  transitions: [
    { from: ['queued'], event: 'start', to: 'running', roles: ['system'] },
    { from: ['running'], event: 'succeed', to: 'succeeded', roles: ['system'] },
    { from: ['queued', 'running'], event: 'fail', to: 'failed', roles: ['system'] },
  ],
});
