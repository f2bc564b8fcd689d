/** Money as ¥1,234.50 (amounts arrive as exact decimal strings and are never turned into floats). */
export const yuan = (s: string) => {
  const [int, frac = ''] = s.replace(/^-/, '').split('.');
  return `${s.startsWith('-') ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
};
