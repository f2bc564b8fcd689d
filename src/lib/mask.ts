// Masks for personal data shown to roles that do not need it.
export function maskPhone(phone: string | undefined): string | undefined {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(phone.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskIdNumber(id: string | undefined): string | undefined {
  if (!id) return id;
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** An e-mail address keeps its first letter and its domain (w***@example.com). */
export function maskEmail(email: string | undefined): string | undefined {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  return at < 1 ? '***' : `${email[0]}***${email.slice(at)}`;
}

export const isMasked = (s: string | undefined) => !!s && s.includes('*');

/** A text with every e-mail address and phone-like number in it masked (error messages kept or logged). */
export function maskContactDetails(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***@***')
    .replace(/\+?\d[\d -]{5,}\d/g, (n) => maskPhone(n) ?? '***');
}
