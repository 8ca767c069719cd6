import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one <h1>. It names the browser tab and takes focus when it appears, so that
 * after a client-side navigation screen readers announce the new page and the next Tab
 * starts from the top of its content rather than from the link just followed.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} — ${t('app.titleSuffix')}`;
  }, [title, t]);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
