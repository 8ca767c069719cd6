/**
 * Pure helpers for mail coming in: what a member actually wrote in a reply, and whether a
 * message was written by a machine (and must post nothing).
 */
import type { InboundMail } from './inbound-server.ts';

// "On <date>, <name> wrote:" in the forms mail clients use (Gmail, Apple Mail, Thunderbird,
// Outlook on the web, Yahoo…), English and French; also German and Spanish, which cost
// nothing. Anchored on both ends, and with a date or an address in it: "Here is what my
// doctor wrote:" is the member's own sentence.
const ATTRIBUTION = [/^On\b.{0,300}\bwrote\s?:$/i, /^Le\b.{0,300}\ba écrit\s?:$/i, /^Am\b.{0,300}\bschrieb.{0,100}:$/i, /^El\b.{0,300}\bescribió\s?:$/i];
// "John Doe wrote:" / "Jean a écrit :" with nothing else: trusted only right above ">" lines.
const LOOSE_ATTRIBUTION = [/^.{1,200}\bwrote\s?:$/i, /^.{1,200}\ba écrit\s?:$/i];
const hasDateOrAddress = (line: string) => /\d/.test(line) || line.includes('@');

// Lines after which everything is the original message, not quoted with ">".
const ORIGINAL_MESSAGE = [
  /^-{2,}\s*Original Message\s*-{2,}$/i,
  /^-{2,}\s*Message d['’]origine\s*-{2,}$/i,
  /^-{2,}\s*Message original\s*-{2,}$/i,
  /^-{2,}\s*Mail original\s*-{2,}$/i,
  /^-{2,}\s*Courriel original\s*-{2,}$/i,
  /^-{2,}\s*Forwarded message\s*-{2,}$/i,
  /^-{2,}\s*Message transféré\s*-{2,}$/i,
  /^Begin forwarded message:$/i,
  /^Début du message réexpédié\s?:$/i,
];

// Outlook's header block: "From: …" then "Sent:"/"Date:" within a few lines ("De : …",
// "Envoyé : …" in French), often under a line of underscores.
const HEADER_FROM = /^\*?(From|De)\s?:\*?\s/i;
const HEADER_NEXT = /^\*?(Sent|Date|Envoyé|To|À|A|Subject|Objet|Cc)\s?:\*?(\s|$)/i;
const UNDERSCORES = /^_{10,}$/;

// Signatures: the standard "-- " separator, and what phones and apps append.
const SIGNATURE_SEPARATOR = /^--\s*$/;
const SENT_FROM = [
  /^Sent from my \S.{0,60}$/i,
  /^Sent from (Mail|Outlook|Yahoo Mail|Gmail|ProtonMail|Proton Mail) .{0,60}$/i,
  /^Sent from (Outlook|Mail|Yahoo Mail|Gmail|ProtonMail|Proton Mail)$/i,
  /^Sent with Proton Mail .{0,40}$/i,
  /^Get Outlook for \S.{0,40}$/i,
  /^Envoyé de mon \S.{0,60}$/i,
  /^Envoyé depuis mon \S.{0,60}$/i,
  /^Envoyé (de|depuis|à partir de) (Outlook|Mail|Yahoo Mail|Gmail|Proton Mail|ProtonMail)\b.{0,60}$/i,
  /^Obtenez Outlook pour \S.{0,40}$/i,
  /^Obtenir Outlook pour \S.{0,40}$/i,
  /^Télécharger Outlook pour \S.{0,40}$/i,
];

const isQuoted = (line: string) => /^\s*>/.test(line);
const isBlank = (line: string) => line.trim() === '';

/** The index of the next non-blank line at or after `from`, or -1. */
function nextNonBlank(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i]!)) return i;
  return -1;
}

/**
 * Whether line `i` starts an attribution; returns how many lines it spans (Gmail wraps long
 * ones, putting "wrote:" on the next line or two), else 0.
 */
function attributionAt(lines: string[], i: number, loose: boolean): number {
  if (i < 0) return 0;
  let joined = '';
  for (let span = 1; span <= 3 && i + span - 1 < lines.length; span++) {
    const line = lines[i + span - 1]!.trim();
    if (line === '' || isQuoted(line)) return 0;
    joined = span === 1 ? line : `${joined} ${line}`;
    if (joined.length > 400) return 0;
    if (ATTRIBUTION.some((re) => re.test(joined)) && hasDateOrAddress(joined)) return span;
    if (loose && LOOSE_ATTRIBUTION.some((re) => re.test(joined))) return span;
  }
  return 0;
}

/** Whether the original message starts at line `i` (an attribution, a header block, quotes). */
function originalStartsAt(lines: string[], i: number): boolean {
  if (i < 0) return true;
  const line = lines[i]!;
  if (isQuoted(line) || ORIGINAL_MESSAGE.some((re) => re.test(line.trim())) || outlookHeaderAt(lines, i)) return true;
  const span = attributionAt(lines, i, true);
  return span > 0;
}

function outlookHeaderAt(lines: string[], i: number): boolean {
  if (i < 0) return false;
  const line = lines[i]!.trim();
  const start = UNDERSCORES.test(line) ? nextNonBlank(lines, i + 1) : i;
  if (start < 0 || !HEADER_FROM.test(lines[start]!.trim())) return false;
  for (let j = start + 1; j <= start + 4 && j < lines.length; j++) {
    if (HEADER_NEXT.test(lines[j]!.trim())) return true;
  }
  return false;
}

/**
 * What the member wrote: quoted lines (">"), the original message under an attribution or
 * an "Original Message"/Outlook header block, and signatures removed; the member's own text
 * kept as written, with surrounding blank lines trimmed. Replies written below or between
 * quotes keep their text: an attribution followed by ">" lines drops only those lines.
 */
export function extractReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (isQuoted(line)) continue;
    const loose = attributionAt(lines, i, true);
    if (loose > 0) {
      const after = nextNonBlank(lines, i + loose);
      // Attribution over a ">" block: drop the attribution, the loop drops the quotes.
      if (after >= 0 && isQuoted(lines[after]!)) {
        i += loose - 1;
        continue;
      }
      // A dated attribution over an unquoted original (some webmails): the rest is theirs.
      if (attributionAt(lines, i, false) > 0) break;
    }
    if (ORIGINAL_MESSAGE.some((re) => re.test(trimmed)) || outlookHeaderAt(lines, i)) break;
    if (SIGNATURE_SEPARATOR.test(line) && line.startsWith('--')) {
      // A signature ends at the next quoted block (interleaved replies), else runs to the end.
      const next = lines.findIndex((l, j) => j > i && isQuoted(l));
      if (next < 0) break;
      i = next - 1;
      continue;
    }
    // Only at the end of what the member wrote: "Sent from my iPhone" mid-text stays.
    if (SENT_FROM.some((re) => re.test(trimmed)) && originalStartsAt(lines, nextNonBlank(lines, i + 1))) continue;
    kept.push(line.replace(/\s+$/, ''));
  }
  // Blank lines left where quotes were: at most one in a row, none at either end.
  const out: string[] = [];
  for (const line of kept) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

const AUTOMATIC_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);

/**
 * Whether a message was sent by a machine and must post nothing: our own mail coming back
 * (loop), `Auto-Submitted` other than "no" (RFC 3834), `Precedence: bulk/junk/list`, the
 * X-Autoreply/X-Autorespond headers of older responders, delivery reports (null sender,
 * multipart/report). An "Out of office" subject alone is not enough: people write those too.
 */
export function isAutomatic(mail: Pick<InboundMail, 'isLoop' | 'autoSubmitted' | 'precedence' | 'headers' | 'envelopeFrom'>): boolean {
  if (mail.isLoop) return true;
  if (mail.autoSubmitted && mail.autoSubmitted.split(';')[0]!.trim().toLowerCase() !== 'no') return true;
  if (mail.precedence && AUTOMATIC_PRECEDENCE.has(mail.precedence.trim().toLowerCase())) return true;
  const h = mail.headers;
  if ('x-autoreply' in h || 'x-autorespond' in h) return true;
  if ('x-loop' in h) return true;
  if (mail.envelopeFrom === null) return true;
  if (/^\s*multipart\/report\b/i.test(h['content-type'] ?? '')) return true;
  return false;
}
