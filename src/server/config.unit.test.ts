import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('mail configuration', () => {
  it('leaves the inbound SMTP server off by default, on 127.0.0.1 with a 10 MiB limit', () => {
    const config = loadConfig({});
    expect(config.inboundSmtpPort).toBeNull();
    expect(config.inboundSmtpHost).toBe('127.0.0.1');
    expect(config.inboundMaxBytes).toBe(10 * 1024 * 1024);
    expect(config.appSecret).toBeNull();
  });

  it('reads INBOUND_SMTP_PORT, INBOUND_SMTP_HOST, INBOUND_MAX_BYTES and APP_SECRET', () => {
    const config = loadConfig({ INBOUND_SMTP_PORT: '2525', INBOUND_SMTP_HOST: '0.0.0.0', INBOUND_MAX_BYTES: '2048', APP_SECRET: 's'.repeat(40) });
    expect(config).toMatchObject({ inboundSmtpPort: 2525, inboundSmtpHost: '0.0.0.0', inboundMaxBytes: 2048, appSecret: 's'.repeat(40) });
  });

  it('refuses bad values, naming each variable', () => {
    expect(() => loadConfig({ INBOUND_SMTP_PORT: 'smtp', INBOUND_MAX_BYTES: '-1', APP_SECRET: 'short' })).toThrow(
      /INBOUND_SMTP_PORT[\s\S]*INBOUND_MAX_BYTES[\s\S]*APP_SECRET/,
    );
    expect(() => loadConfig({ INBOUND_SMTP_PORT: '70000' })).toThrow(/INBOUND_SMTP_PORT/);
  });
});
