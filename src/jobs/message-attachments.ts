import type { Actor } from '../modules/auth/auth.service';
import { findCompanyName } from '../modules/companies/company.repository';
import type { AttachmentSource } from '../modules/messages/message-sender';
import { statement, statementForm } from '../modules/receivables/statement';
import { formXlsx } from '../lib/printable';
import { formToPdf } from '../lib/pdf';

/** The files messages carry, made by the modules that own them: the 月结 statement as xlsx and PDF. */
export function messageAttachments(timeZone: string, now: () => Date): Record<string, AttachmentSource> {
  return {
    async monthly_statement(db, m) {
      if (!m.customerId || !m.params.from || !m.params.to) return [];
      const s = await statement(db, { companyId: m.companyId } as Actor, m.customerId, m.params.from, m.params.to);
      const form = statementForm(s, {
        lang: m.language === 'en' ? 'en' : 'zh-CN',
        company: await findCompanyName(db, m.companyId),
        printedOn: now().toISOString().slice(0, 10),
        timeZone,
      });
      const name = `statement-${m.params.period ?? m.params.to}`;
      return [
        { filename: `${name}.xlsx`, content: await formXlsx(form) },
        { filename: `${name}.pdf`, content: await formToPdf(form) },
      ];
    },
  };
}
