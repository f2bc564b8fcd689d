// 销售合同: contracts, their review stages, signing and call-off orders (销售 → 合同).
export const zh = {
  menu: { contracts: '合同', contractClauses: '合同条款模板' },
};
