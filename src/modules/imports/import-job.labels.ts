import type { MachineLabels } from '../../lib/state-machine';
import type { ImportJobEvent } from './import-job.machine';
import type { ImportJobStatus } from './import-job.table';

/** Names of the states and events in the user's language. */
export const importJobLabels: MachineLabels<ImportJobStatus, ImportJobEvent> = {
  states: {
    queued: { zh: '排队中', en: 'Queued' },
    running: { zh: '导入中', en: 'Running' },
    succeeded: { zh: '导入成功', en: 'Succeeded' },
    failed: { zh: '导入失败', en: 'Failed' },
  },
  events: {
    start: { zh: '开始导入', en: 'start' },
    succeed: { zh: '导入完成', en: 'succeed' },
    fail: { zh: '导入失败', en: 'fail' },
  },
};
