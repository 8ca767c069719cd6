/**
 * Members write Markdown; pages and e-mails show HTML. Two walls stand between the two:
 *
 * 1. markdown-it with raw HTML off, so the only markup is what Markdown itself produces, and
 *    with links limited to absolute http, https and mailto URLs (anything else stays text).
 *    Images are never loaded: a remote image is a read receipt for whoever hosts it, so an
 *    image becomes a plain link to its URL, labelled with its alt text.
 * 2. sanitize-html with a short allowlist of tags and attributes (no style, no class, no
 *    event handlers, no iframes), checking link schemes again after decoding entities and
 *    stripping white space, in case the first wall ever has a hole.
 *
 * Headings start at level 3: the page already has its own h1 and h2 (the group, the thread).
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const REL = 'nofollow noopener noreferrer ugc';

/**
 * True for an absolute http(s) or mailto URL. Browsers ignore ASCII white space and control
 * characters inside a scheme (`java\tscript:`), so those are removed before looking.
 */
export function isSafeHref(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
  if (!/^(https?:\/\/[^/]|mailto:)/.test(compact)) return false;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
}

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.validateLink = isSafeHref;
// As GitHub does: bare `www.` addresses become links, other bare names (`notes.md`, a ccTLD)
// stay text; links with a scheme and e-mail addresses are found as usual.
md.linkify.set({ fuzzyLink: true });
const findLinks = md.linkify.match.bind(md.linkify);
md.linkify.match = (text: string) => (findLinks(text) ?? []).filter((m) => m.schema !== '' || /^www\./i.test(m.raw));

interface RenderEnv {
  /** How many links we are inside: an image inside a link must not open a second one. */
  linkDepth?: number;
}

const renderToken = md.renderer.renderToken.bind(md.renderer);
md.renderer.rules.link_open = (tokens, idx, options, env) => {
  const state = env as RenderEnv;
  state.linkDepth = (state.linkDepth ?? 0) + 1;
  return renderToken(tokens, idx, options);
};
md.renderer.rules.link_close = (tokens, idx, options, env) => {
  const state = env as RenderEnv;
  state.linkDepth = Math.max(0, (state.linkDepth ?? 0) - 1);
  return renderToken(tokens, idx, options);
};
md.renderer.rules.image = (tokens, idx, options, env) => {
  const state = env as RenderEnv;
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  const alt = md.renderer.renderInlineAsText(token.children ?? [], options, env);
  const label = md.utils.escapeHtml(alt.trim() === '' ? src : alt);
  if ((state.linkDepth ?? 0) > 0 || !isSafeHref(src)) return label;
  return `<a href="${md.utils.escapeHtml(src)}">${label}</a>`;
};

const HEADING_SHIFT: Record<string, string> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6' };

/**
 * Text is already escaped here and can run nothing. Still, words that look like a script URL
 * or an inline handler (`javascript:`, `onerror=`, `style=`) get their `:` or `=` as a
 * character reference: the reader sees the same text, and no scanner, mail client or later
 * template can mistake it for markup.
 */
function defuseText(escaped: string): string {
  return escaped.replace(/((?:java|vb|live)script\s*):/gi, '$1&#58;').replace(/(on[a-z]+\s*|style\s*)=/gi, '$1&#61;');
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  parseStyleAttributes: false,
  textFilter: defuseText,
  transformTags: {
    ...Object.fromEntries(Object.entries(HEADING_SHIFT).map(([from, to]) => [from, () => ({ tagName: to, attribs: {} })])),
    // A link whose target is not plainly safe keeps its words and loses its target.
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href;
      if (href === undefined || !isSafeHref(href)) return { tagName: 'span', attribs: {} };
      // A quote stays inside the double-quoted attribute anyway; encoded, it cannot even look
      // like the start of another attribute to a careless reader of the HTML.
      return { tagName: 'a', attribs: { href: href.replace(/'/g, '%27'), rel: REL } };
    },
  },
};

/** Markdown as written by a member → HTML safe to put in a page or an e-mail. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown, {}), SANITIZE);
}
