/**
 * Text someone wrote, line breaks kept (CSS pre-wrap). Always plain text: never parsed as
 * HTML, so `<img onerror=…>` in a charter shows as what it is.
 */
export function MultilineText({ text, className }: { text: string; className?: string }) {
  return <div className={className ? `multiline ${className}` : 'multiline'}>{text}</div>;
}
