import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useGroup } from '../groups/group-queries.ts';
import type { Group } from '../groups/group-types.ts';

export function isLeaderOf(group: Group): boolean {
  const membership = group.viewer.membership;
  return membership?.status === 'active' && membership.role === 'leader';
}

/** Renders its children for a leader of the group; others see why they cannot be here. */
export function LeaderGroupGate({ slug, children }: { slug: string; children: (group: Group) => ReactNode }) {
  const { t } = useTranslation();
  const group = useGroup(slug);
  if (group.isPending) return <Loading />;
  if (group.isError) {
    if (isApiError(group.error, 404)) return <NotFoundPage title={t('group.notFoundTitle')} body={t('group.notFoundBody')} />;
    return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  }
  if (!isLeaderOf(group.data)) return <NotFoundPage title={t('forbidden.title')} body={t('sessions.notLeader')} />;
  return <>{children(group.data)}</>;
}
