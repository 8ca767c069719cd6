import { describe, expect, it } from 'vitest';
import type { InboundMail } from './inbound-server.ts';
import { extractReply, isAutomatic } from './reply-text.ts';

const lines = (...l: string[]) => l.join('\n');

describe('extractReply', () => {
  const samples: { name: string; text: string; reply: string }[] = [
    {
      name: 'Gmail (en), top-posted, attribution on one line',
      text: lines(
        'Thanks, see you Thursday!',
        '',
        'On Mon, Mar 4, 2030 at 10:00 AM Ann Lee via Entraide <reply+abc.def@entraide.test> wrote:',
        '',
        '> Shall we meet at 7?',
        '> Ann',
      ),
      reply: 'Thanks, see you Thursday!',
    },
    {
      name: 'Gmail (en), attribution wrapped over two lines',
      text: lines(
        'Count me in.',
        '',
        'On Mon, Mar 4, 2030 at 10:00 AM Ann Lee via Entraide <',
        'reply+abc.def@entraide.test> wrote:',
        '',
        '> Shall we meet at 7?',
      ),
      reply: 'Count me in.',
    },
    {
      name: 'Gmail (fr), "Le … a écrit :" with a no-break space',
      text: lines(
        'Merci pour ce partage.',
        'À jeudi,',
        'Zoé',
        '',
        'Le lun. 4 mars 2030 à 10:00, Ann Lee via Entraide <reply+abc.def@entraide.test> a écrit\u00a0:',
        '',
        '> On se retrouve à 19 h ?',
      ),
      reply: 'Merci pour ce partage.\nÀ jeudi,\nZoé',
    },
    {
      name: 'Gmail (fr), attribution wrapped',
      text: lines(
        'Oui, avec plaisir.',
        '',
        'Le lun. 4 mars 2030 à 10:00, Ann Lee via Entraide <',
        'reply+abc.def@entraide.test> a écrit :',
        '',
        '> On se retrouve à 19 h ?',
      ),
      reply: 'Oui, avec plaisir.',
    },
    {
      name: 'Apple Mail (en) with "Sent from my iPhone"',
      text: lines(
        'Sounds good',
        '',
        'Sent from my iPhone',
        '',
        '> On 4 Mar 2030, at 10:00, Ann Lee via Entraide <reply+abc.def@entraide.test> wrote:',
        '> ',
        '> Shall we meet at 7?',
      ),
      reply: 'Sounds good',
    },
    {
      name: 'Apple Mail (fr) with "Envoyé de mon iPhone" and an unquoted attribution',
      text: lines(
        'Je serai là.',
        '',
        'Envoyé de mon iPhone',
        '',
        'Le 4 mars 2030 à 10:00, Ann Lee via Entraide <reply+abc.def@entraide.test> a écrit :',
        '',
        '> On se retrouve à 19 h ?',
      ),
      reply: 'Je serai là.',
    },
    {
      name: 'Thunderbird (en)',
      text: lines('I can bring tea.', '', 'On 04/03/2030 10:00, Ann Lee via Entraide wrote:', '> Shall we meet at 7?', '>', '> -- ', '> Entraide'),
      reply: 'I can bring tea.',
    },
    {
      name: 'Thunderbird (fr)',
      text: lines('Je peux apporter du thé.', '', 'Le 04/03/2030 à 10:00, Ann Lee via Entraide a écrit :', '> On se retrouve à 19 h ?'),
      reply: 'Je peux apporter du thé.',
    },
    {
      name: 'Outlook (en), "-----Original Message-----" with an unquoted original',
      text: lines(
        'Agreed.',
        '',
        '-----Original Message-----',
        'From: Ann Lee via Entraide <reply+abc.def@entraide.test>',
        'Sent: Monday, March 4, 2030 10:00 AM',
        'To: Zoe <zoe@example.org>',
        'Subject: Thursday',
        '',
        'Shall we meet at 7?',
      ),
      reply: 'Agreed.',
    },
    {
      name: 'Outlook (en), header block under underscores, "Get Outlook for iOS"',
      text: lines(
        'Yes please.',
        '',
        'Get Outlook for iOS',
        '________________________________',
        'From: Ann Lee via Entraide <reply+abc.def@entraide.test>',
        'Sent: Monday, March 4, 2030 10:00:00 AM',
        'To: Zoe',
        'Subject: Thursday',
        '',
        'Shall we meet at 7?',
      ),
      reply: 'Yes please.',
    },
    {
      name: 'Outlook (fr), "De : … Envoyé : …"',
      text: lines(
        'D’accord.',
        '',
        'De : Ann Lee via Entraide <reply+abc.def@entraide.test>',
        'Envoyé : lundi 4 mars 2030 10:00',
        'À : Zoé <zoe@example.org>',
        'Objet : Jeudi',
        '',
        'On se retrouve à 19 h ?',
      ),
      reply: 'D’accord.',
    },
    {
      name: 'Outlook (fr), "-----Message d\'origine-----" and "Obtenir Outlook pour Android"',
      text: lines('Très bien.', '', 'Obtenir Outlook pour Android', '', "-----Message d'origine-----", 'De : Ann', 'Envoyé : lundi', '', 'On se retrouve ?'),
      reply: 'Très bien.',
    },
    {
      name: 'Zimbra/La Poste (fr), "----- Mail original -----"',
      text: lines(
        'Bonne idée !',
        '',
        '----- Mail original -----',
        'De: "Ann Lee via Entraide" <reply+abc.def@entraide.test>',
        'À: zoe@example.org',
        '',
        'On se retrouve ?',
      ),
      reply: 'Bonne idée !',
    },
    {
      name: 'Thunderbird (fr), "-------- Message original --------"',
      text: lines('Parfait.', '', '-------- Message original --------', 'Sujet : Jeudi', 'Date : 04/03/2030 10:00', 'De : Ann', '', 'On se retrouve ?'),
      reply: 'Parfait.',
    },
    {
      name: 'a standard "-- " signature is dropped',
      text: lines('See you there.', '', '-- ', 'Zoe O’Neil', 'Volunteer, Lyon'),
      reply: 'See you there.',
    },
    {
      name: 'a signature separator without its trailing space',
      text: lines('À bientôt.', '--', 'Zoé'),
      reply: 'À bientôt.',
    },
    {
      name: 'bottom-posting keeps the reply under the quote',
      text: lines('On Mon, Mar 4, 2030 at 10:00 AM Ann <a@example.org> wrote:', '> Shall we meet at 7?', '', 'Seven is fine for me.'),
      reply: 'Seven is fine for me.',
    },
    {
      name: 'interleaved answers keep every own paragraph',
      text: lines('> Shall we meet at 7?', 'Yes.', '', '> Who brings tea?', 'I will.', '', '-- ', 'Zoe'),
      reply: 'Yes.\n\nI will.',
    },
    {
      name: 'a sentence that merely ends with "wrote:" stays',
      text: lines('Here is what my doctor wrote:', 'Take it one day at a time.'),
      reply: 'Here is what my doctor wrote:\nTake it one day at a time.',
    },
    {
      name: 'a French sentence ending with "a écrit :" stays',
      text: lines('Voici ce que ma sœur a écrit :', 'Prends soin de toi.'),
      reply: 'Voici ce que ma sœur a écrit :\nPrends soin de toi.',
    },
    {
      name: '"Sent from my iPhone" in the middle of the text stays',
      text: lines('I once got a message that said', 'Sent from my iPhone', 'and nothing else. Funny.'),
      reply: 'I once got a message that said\nSent from my iPhone\nand nothing else. Funny.',
    },
    {
      name: 'Windows line endings',
      text: 'Fine by me.\r\n\r\nOn Mon, Mar 4, 2030, Ann <a@example.org> wrote:\r\n> Ok?\r\n',
      reply: 'Fine by me.',
    },
    {
      name: 'a message that is only a quote gives nothing',
      text: lines('On Mon, Mar 4, 2030, Ann <a@example.org> wrote:', '> Ok?'),
      reply: '',
    },
    {
      name: 'Markdown and blank lines inside the reply are kept as written',
      text: lines('First point:', '', '- one', '- two', '', '', '', '**Thanks**', '', '> quoted'),
      reply: 'First point:\n\n- one\n- two\n\n**Thanks**',
    },
    {
      name: 'Yahoo (en)',
      text: lines('Lovely.', '', 'On Monday, March 4, 2030, 10:00:00 AM GMT+1, Ann Lee <a@example.org> wrote:', '', '', 'Shall we meet at 7?'),
      reply: 'Lovely.',
    },
    {
      name: 'a forwarded message is not part of the reply',
      text: lines('FYI', '', '---------- Forwarded message ---------', 'From: Someone <s@example.org>', 'Hello'),
      reply: 'FYI',
    },
  ];

  it.each(samples)('$name', ({ text, reply }) => {
    expect(extractReply(text)).toBe(reply);
  });

  it('never throws on hostile or odd text', () => {
    for (const text of ['', '>', '\n\n\n', 'On', '-- ', 'De :', '_'.repeat(50), 'x'.repeat(100_000), 'wrote:'.repeat(1000), '\u202e\u0000\ufeff']) {
      expect(typeof extractReply(text)).toBe('string');
    }
  });

  it('handles long lines that look almost like attributions', () => {
    const text = `On ${'a '.repeat(20_000)}\n`.repeat(20);
    // Not an attribution (no "wrote:"): it ends, and the reply keeps its first line.
    const reply = extractReply(text);
    expect(typeof reply).toBe('string');
    expect(reply.startsWith('On a a a')).toBe(true);
  });
});

describe('isAutomatic', () => {
  const human: Pick<InboundMail, 'isLoop' | 'autoSubmitted' | 'precedence' | 'headers' | 'envelopeFrom'> = {
    isLoop: false,
    autoSubmitted: null,
    precedence: null,
    headers: {},
    envelopeFrom: 'zoe@example.org',
  };

  it('lets a person’s mail through, "Auto-Submitted: no" included', () => {
    expect(isAutomatic(human)).toBe(false);
    expect(isAutomatic({ ...human, autoSubmitted: 'no' })).toBe(false);
    expect(isAutomatic({ ...human, autoSubmitted: ' No ' })).toBe(false);
    expect(isAutomatic({ ...human, precedence: 'first-class' })).toBe(false);
  });

  it.each([
    ['our own mail coming back', { isLoop: true }],
    ['Auto-Submitted: auto-replied', { autoSubmitted: 'auto-replied' }],
    ['Auto-Submitted: auto-generated', { autoSubmitted: 'auto-generated' }],
    ['Auto-Submitted with parameters', { autoSubmitted: 'auto-notified; owner-email="x@example.org"' }],
    ['Precedence: bulk', { precedence: 'bulk' }],
    ['Precedence: junk', { precedence: 'Junk' }],
    ['Precedence: list', { precedence: 'list' }],
    ['X-Autoreply', { headers: { 'x-autoreply': 'yes' } }],
    ['X-Autorespond', { headers: { 'x-autorespond': 'Out of office' } }],
    ['a bounce (null sender)', { envelopeFrom: null }],
    ['a delivery report', { headers: { 'content-type': 'multipart/report; report-type=delivery-status' } }],
  ] as const)('drops %s', (_name, change) => {
    expect(isAutomatic({ ...human, ...change })).toBe(true);
  });
});
