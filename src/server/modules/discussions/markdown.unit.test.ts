import { describe, expect, it } from 'vitest';
import { isSafeHref, renderMarkdown } from './markdown.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

/** The Big List of Naughty Strings (shared/ sits beside the repository, in CI as here). */
const NAUGHTY = HOSTILE_STRINGS;

const REL = 'nofollow noopener noreferrer ugc';
const BLOCK_OR_INLINE = 'p|br|hr|strong|em|s|del|code|pre|blockquote|ul|ol|li|h3|h4|h5|h6|table|thead|tbody|tr|th|td|span';
/** Every tag the renderer may emit, with the only attributes it may carry. */
const ALLOWED_TAG = new RegExp(`^<(/?(${BLOCK_OR_INLINE}|a)|br /|hr /|ol start="\\d+"|a href="(https?://|mailto:)[^"<>\\s]*" rel="${REL}")>$`);

/** XSS payloads in the OWASP cheat sheet's spirit, as a member could type them in Markdown. */
const XSS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<svg/onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<body onload=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](<javascript:alert(1)>)',
  '[click](java\u0000script:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](jav&#x61;script:alert(1))',
  '[click](jav&#97;script:alert(1))',
  '[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](javascript&#58alert(1))',
  '[click](%6A%61%76%61%73%63%72%69%70%74:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](VBSCRIPT:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](DATA:text/html,<script>alert(1)</script>)',
  '[click](file:///etc/passwd)',
  '[click](//evil.example/x)',
  '[click](/relative/path)',
  '[click](#anchor)',
  '[click](https://ok.example/"onmouseover="alert(1))',
  "[click](https://ok.example/'onmouseover='alert(1))",
  '[click](https://ok.example/ "title\\" onmouseover=alert(1) x=\\"")',
  '[click][ref]\n\n[ref]: javascript:alert(1)',
  '[click][ref]\n\n[ref]: https://ok.example "t\\" onclick=\\"alert(1)"',
  '<javascript:alert(1)>',
  '<vbscript:alert(1)>',
  '<https://ok.example/<script>>',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x" onerror="alert(1)](https://tracker.example/pixel.gif)',
  '![tracking pixel](https://tracker.example/pixel.gif)',
  '[![nested](https://tracker.example/p.gif)](https://ok.example)',
  '![](https://tracker.example/empty-alt.gif)',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '    <iframe src=x></iframe>',
  '> <img src=x onerror=alert(1)>',
  '* <a href=javascript:alert(1)>x</a>',
  '**<script>**alert(1)**</script>**',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<style>body{display:none}</style>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:/">',
  '<form action=javascript:alert(1)><input type=submit>',
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  '<details open ontoggle=alert(1)>',
  '<a href="https://ok.example" style="color:red" class="x" onclick="alert(1)">x</a>',
  '| a | b |\n|:-|-:|\n| <script>x</script> | [y](javascript:1) |',
  'www.ok.example/"onmouseover=alert(1)',
  'https://ok.example/?q=<script>alert(1)</script>',
  'mailto:someone@example.org?subject=<script>',
  '[a](mailto:x@example.org"onclick="alert(1))',
  '\u202Ejavascript:alert(1)',
  '[a](\u00A0javascript:alert(1))',
  '[a](\u2028javascript:alert(1))',
];

function tags(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

/** What must never come out, whatever went in. */
function problemsWith(input: string): string[] {
  const html = renderMarkdown(input);
  const lower = html.toLowerCase();
  const problems: string[] = [];
  for (const needle of [
    '<script',
    '<img',
    '<iframe',
    '<svg',
    '<object',
    '<embed',
    '<style',
    '<link',
    '<meta',
    '<base',
    '<form',
    '<input',
    'javascript:',
    'vbscript:',
    'style=',
  ]) {
    if (lower.includes(needle)) problems.push(`contains ${needle}`);
  }
  if (/[\s"'/]on[a-z]+\s*=/i.test(html)) problems.push('contains an on*= handler');
  for (const tag of tags(html)) {
    if (!ALLOWED_TAG.test(tag)) problems.push(`tag ${tag}`);
  }
  for (const tag of tags(html)) {
    const href = /^<a href="([^"]*)"/.exec(tag)?.[1];
    if (href !== undefined && !isSafeHref(href.replace(/&amp;/g, '&'))) problems.push(`href ${href}`);
  }
  return problems.map((p) => `${JSON.stringify(input).slice(0, 80)} → ${p}: ${html.slice(0, 200)}`);
}

describe('renderMarkdown', () => {
  it('renders everyday Markdown', () => {
    expect(renderMarkdown('Hello *you* and **all**, `code` and ~~gone~~')).toBe(
      '<p>Hello <em>you</em> and <strong>all</strong>, <code>code</code> and <s>gone</s></p>\n',
    );
    expect(renderMarkdown('- one\n- two\n\n3. three\n4. four')).toBe(
      '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n',
    );
    expect(renderMarkdown('> quoted\n> still')).toBe('<blockquote>\n<p>quoted<br />\nstill</p>\n</blockquote>\n');
    expect(renderMarkdown('```js\nif (a < b) alert("x");\n```')).toBe('<pre><code>if (a &lt; b) alert("x");\n</code></pre>\n');
    expect(renderMarkdown('first line\nsecond line')).toBe('<p>first line<br />\nsecond line</p>\n');
    expect(renderMarkdown('# Title\n\n## Part')).toBe('<h3>Title</h3>\n<h4>Part</h4>\n');
    expect(renderMarkdown('---')).toBe('<hr />\n');
  });

  it('keeps accented and non-Latin text as written', () => {
    expect(renderMarkdown('Ça va ? 日本語 — émoji 🙂')).toBe('<p>Ça va ? 日本語 — émoji 🙂</p>\n');
  });

  it('makes links, bare web addresses and e-mail addresses clickable, marked as user content', () => {
    expect(renderMarkdown('[the charter](https://example.org/charter?a=1&b=2)')).toBe(
      `<p><a href="https://example.org/charter?a=1&amp;b=2" rel="${REL}">the charter</a></p>\n`,
    );
    expect(renderMarkdown('see www.example.org and https://example.com/x')).toBe(
      `<p>see <a href="http://www.example.org" rel="${REL}">www.example.org</a> and <a href="https://example.com/x" rel="${REL}">https://example.com/x</a></p>\n`,
    );
    expect(renderMarkdown('write to help@example.org')).toBe(`<p>write to <a href="mailto:help@example.org" rel="${REL}">help@example.org</a></p>\n`);
    expect(renderMarkdown('[mail us](mailto:help@example.org)')).toBe(`<p><a href="mailto:help@example.org" rel="${REL}">mail us</a></p>\n`);
    // Bare names are not guessed at: file names stay text.
    expect(renderMarkdown('see notes.md')).toBe('<p>see notes.md</p>\n');
  });

  it('never loads an image: it becomes a link to it, labelled with its alt text', () => {
    expect(renderMarkdown('![our meeting room](https://example.org/room.jpg)')).toBe(
      `<p><a href="https://example.org/room.jpg" rel="${REL}">our meeting room</a></p>\n`,
    );
    expect(renderMarkdown('![](https://example.org/room.jpg)')).toBe(
      `<p><a href="https://example.org/room.jpg" rel="${REL}">https://example.org/room.jpg</a></p>\n`,
    );
    // Inside a link, only the words remain (no link within a link).
    expect(renderMarkdown('[![logo](https://example.org/l.png)](https://example.org)')).toBe(`<p><a href="https://example.org" rel="${REL}">logo</a></p>\n`);
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<b>bold?</b>')).toBe('<p>&lt;b&gt;bold?&lt;/b&gt;</p>\n');
  });

  it('leaves links to anything but http, https and mailto as plain text', () => {
    for (const input of ['[x](javascript:alert(1))', '[x](/relative)', '[x](ftp://example.org)', '[x](data:text/plain,hi)', '[x](//example.org)']) {
      expect(renderMarkdown(input), input).not.toContain('<a');
    }
  });

  it('lets no XSS payload through', () => {
    const problems = XSS.flatMap(problemsWith);
    expect(problems).toEqual([]);
  });

  it('lets nothing unsafe through for any of the naughty strings, alone or as link targets', () => {
    expect(NAUGHTY.length).toBeGreaterThan(400);
    const problems = NAUGHTY.flatMap((s) => [
      ...problemsWith(s),
      ...problemsWith(`[link](${s})`),
      ...problemsWith(`![image](${s})`),
      ...problemsWith(`> ${s}\n\n- ${s}`),
    ]);
    expect(problems).toEqual([]);
  });

  it('handles very long and deeply nested input without failing', () => {
    expect(problemsWith('> '.repeat(5000) + 'deep')).toEqual([]);
    expect(problemsWith('['.repeat(10_000) + ']('.repeat(5000))).toEqual([]);
    expect(problemsWith('*a '.repeat(6000))).toEqual([]);
  });
});

describe('isSafeHref', () => {
  it('accepts absolute http, https and mailto URLs only', () => {
    for (const ok of ['https://example.org', 'http://example.org/a?b', 'HTTPS://EXAMPLE.ORG', 'mailto:a@example.org']) expect(isSafeHref(ok), ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'vbscript:x',
      'data:text/html,x',
      '/relative',
      '//example.org',
      'https:/example.org',
      'ftp://example.org',
      '',
      'http://',
    ]) {
      expect(isSafeHref(bad), bad).toBe(false);
    }
  });
});
