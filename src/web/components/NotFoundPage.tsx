import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from './PageHeading.tsx';

export function NotFoundPage({ title, body }: { title?: string; body?: string }) {
  const { t } = useTranslation();
  const heading = title ?? t('notFound.title');
  return (
    <div className="reading">
      <PageHeading title={heading}>{heading}</PageHeading>
      <p>{body ?? t('notFound.body')}</p>
      <p>
        <Link className="button" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}
