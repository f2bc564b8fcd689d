import { defineMachine, statusColumn } from '../../lib/state-machine';
import { inspectionLabels } from './export.labels';
import type { InspectionStatus } from './export.table';

export type InspectionEvent = 'pass' | 'fail' | 'waive';
export const INSPECTION_STATES = ['booked', 'passed', 'failed', 'waived'] as const;
export const INSPECTION_BOOKERS = ['sales_assistant', 'order_admin', 'documents_clerk', 'warehouse'];

// 验货: booked before shipping, its result recorded; a failed or missing inspection is re-booked (a new row) or
// waived by the general manager with a reason.
export const inspectionMachine = defineMachine<InspectionStatus, InspectionEvent, unknown>({
  entity: 'inspection',
  labels: inspectionLabels,
  store: statusColumn('inspections'),
  initial: 'booked',
  states: INSPECTION_STATES,
  transitions: [
    { from: ['booked'], event: 'pass', to: 'passed', roles: INSPECTION_BOOKERS },
    { from: ['booked'], event: 'fail', to: 'failed', roles: INSPECTION_BOOKERS },
    { from: ['booked', 'failed'], event: 'waive', to: 'waived', roles: ['general_manager'] },
  ],
});
