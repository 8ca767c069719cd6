/**
 * A post's body as the server rendered it from Markdown. `html` went through the server's
 * sanitizer (no script, no event handler, no `javascript:` link, no remote image), and it
 * is the only field the app ever inserts as HTML: titles, names and everything else are
 * text. The page's CSP blocks inline scripts as a second line of defence.
 */
export function PostBody({ html }: { html: string }) {
  // eslint-disable-next-line no-restricted-syntax -- the one sanctioned place, see above.
  return <div className="post-body" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />;
}
