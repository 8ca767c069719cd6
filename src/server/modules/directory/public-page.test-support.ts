/**
 * A small HTML reader for tests: enough of the HTML tokenizer to read a document's head the
 * way a browser would (tags, quoted or bare attributes with character references decoded,
 * raw-text elements such as `<script>` and `<title>` read to their end tag), so tests
 * assert on elements and attribute values rather than on regular expressions over markup.
 */

export interface Element {
  name: string;
  attributes: Record<string, string>;
  /** For raw-text elements (script, style, title): their text, references decoded in title. */
  text: string;
  /** Where in the document the start tag begins. */
  offset: number;
}

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (whole, ref: string) => {
    const r = ref.toLowerCase();
    if (r === 'amp') return '&';
    if (r === 'lt') return '<';
    if (r === 'gt') return '>';
    if (r === 'quot') return '"';
    if (r === 'apos' || r === '#39') return "'";
    const code = r.startsWith('#x') ? Number.parseInt(r.slice(2), 16) : Number.parseInt(r.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

/** Every start tag of the document, in order (end tags and comments skipped). */
export function readElements(html: string): Element[] {
  const out: Element[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '/' || html[lt + 1] === '!') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    let j = lt + 1;
    while (j < html.length && /[A-Za-z0-9-]/.test(html[j]!)) j += 1;
    const name = html.slice(lt + 1, j).toLowerCase();
    if (!name) {
      i = lt + 1;
      continue;
    }
    const attributes: Record<string, string> = {};
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j]!)) j += 1;
      if (j >= html.length || html[j] === '>') break;
      let k = j;
      while (k < html.length && !/[\s/>=]/.test(html[k]!)) k += 1;
      const attr = html.slice(j, k).toLowerCase();
      j = k;
      while (j < html.length && /\s/.test(html[j]!)) j += 1;
      let value = '';
      if (html[j] === '=') {
        j += 1;
        while (j < html.length && /\s/.test(html[j]!)) j += 1;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          let e = j;
          while (e < html.length && !/[\s>]/.test(html[e]!)) e += 1;
          value = html.slice(j, e);
          j = e;
        }
      }
      if (!(attr in attributes)) attributes[attr] = decodeReferences(value);
    }
    i = j + 1;
    let text = '';
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      text = html.slice(i, close < 0 ? html.length : close);
      if (name === 'title' || name === 'textarea') text = decodeReferences(text);
      i = close < 0 ? html.length : close;
    }
    out.push({ name, attributes, text, offset: lt });
  }
  return out;
}

/** The elements inside `<head>`. */
export function headElements(html: string): Element[] {
  const all = readElements(html);
  const body = all.find((e) => e.name === 'body');
  return all.filter((e) => e.name !== 'html' && e.name !== 'head' && (!body || e.offset < body.offset));
}

/** The content of `<meta property|name=key>` elements (all of them, in order). */
export function metaContents(elements: Element[], key: string): string[] {
  return elements.filter((e) => e.name === 'meta' && (e.attributes.property === key || e.attributes.name === key)).map((e) => e.attributes.content ?? '');
}
