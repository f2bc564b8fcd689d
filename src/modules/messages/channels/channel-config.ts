import type { ChannelConfig } from './channel';

/**
 * The channels' connections from the environment (one deployment, every company): SMTP, the WeCom and DingTalk
 * robots and the SMS keys stay out of the database and out of the settings any user may read.
 */
export function channelConfigFromEnv(env: NodeJS.ProcessEnv): ChannelConfig {
  const config: ChannelConfig = {};
  if (env.LUYUE_SMTP_HOST)
    config.smtp = {
      host: env.LUYUE_SMTP_HOST,
      port: Number(env.LUYUE_SMTP_PORT ?? 587),
      secure: env.LUYUE_SMTP_SECURE === 'true',
      user: env.LUYUE_SMTP_USER || undefined,
      pass: env.LUYUE_SMTP_PASS || undefined,
      from: env.LUYUE_SMTP_FROM ?? env.LUYUE_SMTP_USER ?? '',
    };
  if (env.LUYUE_WECOM_ROBOT_URL) config.wecom = { url: env.LUYUE_WECOM_ROBOT_URL };
  if (env.LUYUE_DINGTALK_ROBOT_URL)
    config.dingtalk = { url: env.LUYUE_DINGTALK_ROBOT_URL, secret: env.LUYUE_DINGTALK_ROBOT_SECRET || undefined };
  if (env.LUYUE_SMS_ACCESS_KEY_ID && env.LUYUE_SMS_ACCESS_KEY_SECRET)
    config.sms = {
      provider: 'aliyun',
      endpoint: env.LUYUE_SMS_ENDPOINT ?? 'https://dysmsapi.aliyuncs.com/',
      accessKeyId: env.LUYUE_SMS_ACCESS_KEY_ID,
      accessKeySecret: env.LUYUE_SMS_ACCESS_KEY_SECRET,
      signName: env.LUYUE_SMS_SIGN_NAME ?? '',
      // {"shipped":"SMS_123456", …}: the template registered with the provider for each message kind.
      templates: JSON.parse(env.LUYUE_SMS_TEMPLATES ?? '{}') as Record<string, string>,
    };
  return config;
}
