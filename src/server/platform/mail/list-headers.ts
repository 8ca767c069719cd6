/**
 * Header sets for `OutgoingMail.headers`, so every caller spells them the same way.
 */

export interface ListHeadersInput {
  /** The list's identifier, a domain-like string (RFC 2919), e.g. `<slug>.<MAIL_DOMAIN>`. */
  id: string;
  /** The group's name, shown by clients beside the id. */
  name?: string;
  /** An https URL that unsubscribes on POST without signing in (RFC 8058 one-click). */
  unsubscribeUrl: string;
  /** The group's posting address, when members may write to it. */
  postAddress?: string;
  /** The web page of the discussions. */
  archiveUrl?: string;
}

/** A List-Id phrase: printable ASCII without the characters that would end it, else nothing. */
function listPhrase(name: string | undefined): string {
  if (!name) return '';
  const clean = name
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\<>]/g, '')
    .trim()
    .slice(0, 60);
  return clean ? `"${clean}" ` : '';
}

/**
 * List-Id, List-Unsubscribe (+ List-Unsubscribe-Post for one-click), optional List-Post and
 * List-Archive, and `Precedence: list` (auto-responders then stay quiet).
 */
export function mailingListHeaders(list: ListHeadersInput): Record<string, string> {
  if (!/^[A-Za-z0-9.-]{1,200}$/.test(list.id)) throw new RangeError('A List-Id is letters, digits, dots and hyphens');
  const headers: Record<string, string> = {
    'List-Id': `${listPhrase(list.name)}<${list.id}>`,
    'List-Unsubscribe': `<${new URL(list.unsubscribeUrl).href}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    Precedence: 'list',
  };
  if (list.postAddress) headers['List-Post'] = `<mailto:${list.postAddress}>`;
  if (list.archiveUrl) headers['List-Archive'] = `<${new URL(list.archiveUrl).href}>`;
  return headers;
}

/** For notifications and other machine-made mail (RFC 3834): auto-responders do not answer. */
export function notificationHeaders(): Record<string, string> {
  return { 'Auto-Submitted': 'auto-generated' };
}
