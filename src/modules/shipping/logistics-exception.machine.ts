import { defineMachine, statusColumn } from '../../lib/state-machine';
import { logisticsExceptionLabels } from './logistics-exception.labels';

export type LogisticsExceptionStatus = 'open' | 'closed';
export type LogisticsExceptionEvent = 'close';

// 物流异常 (模板3): logged open by logistics or the warehouse, closed with its result.
export const logisticsExceptionMachine = defineMachine<LogisticsExceptionStatus, LogisticsExceptionEvent, unknown>({
  entity: 'logistics_exception',
  labels: logisticsExceptionLabels,
  store: statusColumn('logistics_exceptions'),
  initial: 'open',
  states: ['open', 'closed'],
  transitions: [{ from: ['open'], event: 'close', to: 'closed', roles: ['logistics', 'warehouse'] }],
});
