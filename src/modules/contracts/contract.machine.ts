import { defineMachine, statusColumn, type Guard, type MachineLabels } from '../../lib/state-machine';
import type { ContractStage, ContractStatus } from './contract.table';

export type ContractEvent = 'submit' | 'pass' | 'approve' | 'reject' | 'sign' | 'complete' | 'reopen' | 'close';

/** The stage under review, the role that decides it, and whether it is the round's last one. */
export type ContractGuardContext = { stage: ContractStage | null; stageRole: string | null; lastStage: boolean };

/** A stage is decided by its own role (legal, finance, general manager). */
export const stageRoleHolds: Guard<ContractGuardContext> = (c) =>
  c.stageRole && (c.actor.roles.includes('admin') || c.actor.roles.includes(c.stageRole))
    ? undefined
    : 'AUTH.FORBIDDEN';
const notLast: Guard<ContractGuardContext> = (c) => (c.lastStage ? 'STATE.ILLEGAL_TRANSITION' : undefined);
const isLast: Guard<ContractGuardContext> = (c) => (c.lastStage ? undefined : 'STATE.ILLEGAL_TRANSITION');

export const STAGE_ROLES: Record<ContractStage, string> = { legal: 'legal', finance: 'finance', gm: 'general_manager' };
const SALES = ['sales_assistant'];
const REVIEWERS = Object.values(STAGE_ROLES);

export const contractLabels: MachineLabels<ContractStatus, ContractEvent> = {
  states: {
    draft: { zh: '草稿', en: 'Draft' },
    in_review: { zh: '审批中', en: 'In review' },
    approved: { zh: '已批准', en: 'Approved' },
    signed: { zh: '已签订', en: 'Signed' },
    completed: { zh: '已履行完毕', en: 'Completed' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
  events: {
    submit: { zh: '提交审批', en: 'submit for review' },
    pass: { zh: '通过本环节', en: 'approve the stage' },
    approve: { zh: '批准', en: 'approve' },
    reject: { zh: '退回', en: 'reject' },
    sign: { zh: '签订', en: 'sign' },
    complete: { zh: '履行完毕', en: 'complete' },
    reopen: { zh: '恢复履行', en: 'reopen' },
    close: { zh: '提前终止', en: 'close early' },
  },
};

// 销售合同: draft → in_review (legal → finance → gm above the threshold; a rejection returns it to draft with the
// reason) → approved → signed by both sides → completed when fully called off (back to signed when a call-off
// order is cancelled and its quantities return), or closed early (提前终止) with the reason.
export const contractMachine = defineMachine<ContractStatus, ContractEvent, ContractGuardContext>({
  entity: 'contract',
  labels: contractLabels,
  store: statusColumn('contracts', { stamp: { at: 'updated_at', by: 'updated_by' } }),
  publish: { sign: 'contract.signed' },
  initial: 'draft',
  states: ['draft', 'in_review', 'approved', 'signed', 'completed', 'closed'],
  transitions: [
    { from: ['draft'], event: 'submit', to: 'in_review', roles: SALES },
    { from: ['in_review'], event: 'pass', to: 'in_review', roles: REVIEWERS, guards: [stageRoleHolds, notLast] },
    { from: ['in_review'], event: 'approve', to: 'approved', roles: REVIEWERS, guards: [stageRoleHolds, isLast] },
    { from: ['in_review'], event: 'reject', to: 'draft', roles: REVIEWERS, guards: [stageRoleHolds] },
    { from: ['approved'], event: 'sign', to: 'signed', roles: [...SALES, 'customer'] },
    { from: ['signed'], event: 'complete', to: 'completed', roles: [...SALES, 'system'] },
    { from: ['completed'], event: 'reopen', to: 'signed', roles: ['system'] },
    { from: ['approved', 'signed'], event: 'close', to: 'closed', roles: [...SALES, 'sales_director'] },
  ],
});

export const CONTRACT_STATES = contractMachine.states;
