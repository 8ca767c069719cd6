import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { LoadError, Loading } from '../../components/QueryStates.tsx';
import { useGroup } from './group-queries.ts';
import type { Group } from '../../../shared/api/groups.schemas.ts';

export function isActiveMember(group: Group): boolean {
  return group.viewer.membership?.status === 'active';
}

export function isLeaderOf(group: Group): boolean {
  const membership = group.viewer.membership;
  return membership?.status === 'active' && membership.role === 'leader';
}

/**
 * Renders its children for an active member of the group (`member`: its discussions) or for
 * one of its leaders (`leader`: planning its sessions); others learn why they cannot be here.
 */
export function GroupGate({ slug, role, children }: { slug: string; role: 'member' | 'leader'; children: (group: Group) => ReactNode }) {
  const { t } = useTranslation();
  const group = useGroup(slug);
  if (group.isPending) return <Loading />;
  if (group.isError) {
    // Missing and private look the same, on purpose.
    if (isApiError(group.error, 404)) return <NotFoundPage title={t('group.notFoundTitle')} body={t('group.notFoundBody')} />;
    return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  }
  if (role === 'leader' && !isLeaderOf(group.data)) return <NotFoundPage title={t('forbidden.title')} body={t('sessions.notLeader')} />;
  if (role === 'member' && !isActiveMember(group.data)) return <NotFoundPage title={t('forbidden.title')} body={t('discussions.membersOnly')} />;
  return <>{children(group.data)}</>;
}
