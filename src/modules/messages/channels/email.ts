import nodemailer from 'nodemailer';
import { PermanentFailure, type ChannelIo, type Outgoing, type SmtpConfig } from './channel';

/** E-mail over SMTP, with the message's attachments (a statement's xlsx). */
export async function sendEmail(cfg: SmtpConfig | undefined, m: Outgoing, io: ChannelIo) {
  if (!cfg) throw new PermanentFailure('SMTP not configured');
  if (!m.recipient) throw new PermanentFailure('no e-mail address');
  const transport = nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure,
    auth: cfg.user ? { user: cfg.user, pass: cfg.pass ?? '' } : undefined,
    connectionTimeout: io.timeoutMs,
    greetingTimeout: io.timeoutMs,
    socketTimeout: io.timeoutMs,
    logger: false,
  });
  try {
    await transport.sendMail({
      from: cfg.from,
      to: m.recipient,
      subject: m.subject,
      text: m.text,
      attachments: m.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
      headers: { 'X-Luyue-Message': m.id },
    });
  } finally {
    transport.close();
  }
}
