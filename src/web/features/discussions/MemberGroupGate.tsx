import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useGroup } from '../groups/group-queries.ts';
import type { Group } from '../groups/group-types.ts';

export function isActiveMember(group: Group): boolean {
  return group.viewer.membership?.status === 'active';
}

/** Renders its children for an active member of the group; others learn why they cannot. */
export function MemberGroupGate({ slug, children }: { slug: string; children: (group: Group) => ReactNode }) {
  const { t } = useTranslation();
  const group = useGroup(slug);
  if (group.isPending) return <Loading />;
  if (group.isError) {
    // Missing and private look the same, on purpose.
    if (isApiError(group.error, 404)) return <NotFoundPage title={t('group.notFoundTitle')} body={t('group.notFoundBody')} />;
    return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  }
  if (!isActiveMember(group.data)) return <NotFoundPage title={t('forbidden.title')} body={t('discussions.membersOnly')} />;
  return <>{children(group.data)}</>;
}
