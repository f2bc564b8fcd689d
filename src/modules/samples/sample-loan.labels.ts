import type { MachineLabels } from '../../lib/state-machine';
import type { SampleLoanStatus } from './sample.table';
import type { SampleLoanEvent } from './sample-loan.machine';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const sampleLoanLabels: MachineLabels<SampleLoanStatus, SampleLoanEvent> = {
  states: {
    out: { zh: '借出中', en: 'Out' },
    returned: { zh: '已归还', en: 'Returned' },
    written_off: { zh: '已核销', en: 'Written off' },
  },
  events: {
    return: { zh: '归还', en: 'return' },
    write_off: { zh: '核销', en: 'write off' },
  },
};
