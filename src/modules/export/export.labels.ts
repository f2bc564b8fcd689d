import type { MachineLabels } from '../../lib/state-machine';
import type { LcEvent, LcStatus } from './lc.machine';
import type { InspectionEvent } from './inspection.machine';
import type { InspectionStatus } from './export.table';

/** Names of the states and events in the user's language (messages, forms, exports). */
export const lcLabels: MachineLabels<LcStatus, LcEvent> = {
  states: {
    received: { zh: '已收证待审', en: 'Received' },
    checked_ok: { zh: '审证相符', en: 'Checked OK' },
    discrepant: { zh: '有不符点', en: 'Discrepant' },
  },
  events: {
    check_ok: { zh: '审证相符', en: 'check OK' },
    check_discrepant: { zh: '登记不符点', en: 'record discrepancies' },
    amend: { zh: '改证', en: 'amend' },
  },
};

export const inspectionLabels: MachineLabels<InspectionStatus, InspectionEvent> = {
  states: {
    booked: { zh: '已预约', en: 'Booked' },
    passed: { zh: '验货合格', en: 'Passed' },
    failed: { zh: '验货不合格', en: 'Failed' },
    waived: { zh: '已豁免', en: 'Waived' },
  },
  events: {
    pass: { zh: '验货合格', en: 'pass' },
    fail: { zh: '验货不合格', en: 'fail' },
    waive: { zh: '豁免验货', en: 'waive' },
  },
};
