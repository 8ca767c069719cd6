import { describe, expect, it } from 'vitest';
import { mailingListHeaders, notificationHeaders } from './list-headers.ts';
import { describeSmtpError, isPermanentSmtpError } from './mail-delivery.ts';
import { addressOf } from './mailer.ts';
import { normalizeMessageId } from './outbox-writer.ts';

describe('mailer helpers', () => {
  it('tells permanent SMTP failures from temporary ones', () => {
    expect(isPermanentSmtpError(Object.assign(new Error('x'), { responseCode: 550, code: 'EENVELOPE' }))).toBe(true);
    expect(isPermanentSmtpError(Object.assign(new Error('x'), { responseCode: 552, code: 'EMESSAGE' }))).toBe(true);
    expect(isPermanentSmtpError(Object.assign(new Error('x'), { responseCode: 451, code: 'EMESSAGE' }))).toBe(false);
    expect(isPermanentSmtpError(Object.assign(new Error('x'), { responseCode: 421, code: 'EENVELOPE' }))).toBe(false);
    expect(isPermanentSmtpError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toBe(false);
    expect(isPermanentSmtpError(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }))).toBe(false);
    expect(isPermanentSmtpError(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' }))).toBe(true);
    expect(isPermanentSmtpError(new Error('something odd'))).toBe(false);
    expect(isPermanentSmtpError(null)).toBe(false);
  });

  it('describes an SMTP error without any address, bounded', () => {
    const err = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <ann.lee+tag@example.org>: Recipient address rejected"), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    const text = describeSmtpError(err);
    expect(text).toContain('550');
    expect(text).not.toMatch(/@/);
    expect(describeSmtpError(new Error('x'.repeat(2000))).length).toBeLessThanOrEqual(500);
    expect(describeSmtpError('plain string to zoe@example.org')).toBe('plain string to [address]');
  });

  it('normalizes Message-IDs and refuses what is not one', () => {
    expect(normalizeMessageId('<a.b@c.d>')).toBe('a.b@c.d');
    expect(normalizeMessageId(' a.b@c.d ')).toBe('a.b@c.d');
    for (const bad of ['', '<>', 'no-at', 'a b@c', 'a@b@c', '<a@b', 'a@b>\r\nBcc: x@y']) {
      expect(() => normalizeMessageId(bad), bad).toThrow(RangeError);
    }
  });

  it('reads the address out of a mailbox', () => {
    expect(addressOf('Entraide <no-reply@example.org>')).toBe('no-reply@example.org');
    expect(addressOf('no-reply@example.org')).toBe('no-reply@example.org');
  });

  it('builds list headers (RFC 2919, RFC 8058) and notification headers (RFC 3834)', () => {
    expect(mailingListHeaders({ id: 'carers.entraide.test', name: 'Carers « Lyon » "x"', unsubscribeUrl: 'https://entraide.test/u/a b' })).toEqual({
      'List-Id': '"Carers  Lyon  x" <carers.entraide.test>',
      'List-Unsubscribe': '<https://entraide.test/u/a%20b>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      Precedence: 'list',
    });
    expect(
      mailingListHeaders({ id: 'g.example.org', unsubscribeUrl: 'https://e.test/u', postAddress: 'g@e.test', archiveUrl: 'https://e.test/g' }),
    ).toMatchObject({
      'List-Id': '<g.example.org>',
      'List-Post': '<mailto:g@e.test>',
      'List-Archive': '<https://e.test/g>',
    });
    expect(() => mailingListHeaders({ id: 'bad id>', unsubscribeUrl: 'https://e.test/u' })).toThrow(RangeError);
    expect(() => mailingListHeaders({ id: 'ok.test', unsubscribeUrl: 'not a url' })).toThrow();
    expect(notificationHeaders()).toEqual({ 'Auto-Submitted': 'auto-generated' });
  });
});
