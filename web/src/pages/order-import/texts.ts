// 订单导入: the order list's import dialog, added when the dialog first loads (addTexts); the button's word is
// in i18n/parts/lists.ts.
export const zh = {
  orderImport: {
    title: '导入订单',
    intro: '按模板填写，每行一条订单明细；外部单号相同的行合并为一张订单。任何一行有错则全部不导入。',
    template: '下载导入模板',
    drop: '点击或拖入 Excel 文件（.xlsx）或 CSV 文件（UTF-8 或 GBK 编码）',
    uploading: '正在读取文件…',
    queued: '排队中，共 {{total}} 行',
    running: '正在读取：{{done}} / {{total}} 行',
    saving: '正在校验并保存 {{total}} 行…',
    succeeded: '导入成功：{{orders}} 张订单，{{lines}} 行明细',
    numbers: '订单编号：{{numbers}}',
    viewOrders: '查看订单',
    failed: '导入失败：{{count}} 处错误，未导入任何数据',
    failedShown: '（列出前 {{shown}} 处）',
    again: '重新上传',
    row: '行',
    column: '列',
    message: '错误',
  },
};

export const en = {
  orderImport: {
    title: 'Import orders',
    intro:
      'Fill in the template, one order line per row; rows with the same ref make one order. ' +
      'If any row is wrong, nothing is imported.',
    template: 'Download the template',
    drop: 'Click or drop an Excel file (.xlsx) or a CSV file (UTF-8 or GBK)',
    uploading: 'Reading the file…',
    queued: 'Queued, {{total}} lines',
    running: 'Reading: {{done}} / {{total}} lines',
    saving: 'Checking and saving {{total}} lines…',
    succeeded: 'Imported: {{orders}} orders, {{lines}} lines',
    numbers: 'Order numbers: {{numbers}}',
    viewOrders: 'View the orders',
    failed: 'Import failed: {{count}} errors, nothing imported',
    failedShown: '(the first {{shown}} are listed)',
    again: 'Upload again',
    row: 'Row',
    column: 'Column',
    message: 'Error',
  },
};
