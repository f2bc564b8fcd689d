// English of ../parts/export.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  menu: { export: 'Export' },
  enums: {
    paymentMethod: {
      dp: 'Documents against payment (D/P)',
      da: 'Documents against acceptance (D/A)',
      open_account: 'Open account',
    },
    role: { documents_clerk: 'Documents clerk' },
  },
  notice: { inspection_not_booked: 'Export order {{number}} ships on {{shipBy}} and no inspection is booked' },
};
