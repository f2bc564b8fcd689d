import type { Db } from '../../db/database';
import { notifyRole, notifyUsers } from '../notifications/notification.service';
import { STAGE_ROLES } from './contract.machine';
import type { ContractStage } from './contract.table';

// Who hears of a contract's review: the role deciding the stage that starts, and the drafter when it is sent back,
// approved or signed. The contract's id goes along so the notice links to it.
type ContractFacts = { id: string; number: string; customer: { name: string } };

const paramsOf = (k: ContractFacts) => ({ number: k.number, customer: k.customer.name, contractId: k.id });

export async function noticeStageStarted(db: Db, companyId: string, k: ContractFacts, stage: ContractStage) {
  await notifyRole(db, companyId, STAGE_ROLES[stage], { kind: 'contract_review', params: { ...paramsOf(k), stage } });
}

export async function noticeDrafter(
  db: Db,
  companyId: string,
  drafterId: string,
  k: ContractFacts,
  kind: 'contract_rejected' | 'contract_approved' | 'contract_signed',
  reason?: string,
) {
  await notifyUsers(db, companyId, [drafterId], {
    kind,
    params: { ...paramsOf(k), ...(reason ? { reason } : {}) },
  });
}
