import { appEn } from '../app/app.en.ts';
import { appFr } from '../app/app.fr.ts';
import { accountsEn } from '../features/accounts/accounts.en.ts';
import { accountsFr } from '../features/accounts/accounts.fr.ts';
import { adminEn } from '../features/admin/admin.en.ts';
import { adminFr } from '../features/admin/admin.fr.ts';
import { directoryEn } from '../features/directory/directory.en.ts';
import { directoryFr } from '../features/directory/directory.fr.ts';
import { discussionsEn } from '../features/discussions/discussions.en.ts';
import { discussionsFr } from '../features/discussions/discussions.fr.ts';
import { groupsEn } from '../features/groups/groups.en.ts';
import { groupsFr } from '../features/groups/groups.fr.ts';
import { membershipsEn } from '../features/memberships/memberships.en.ts';
import { membershipsFr } from '../features/memberships/memberships.fr.ts';
import { moderationEn } from '../features/moderation/moderation.en.ts';
import { moderationFr } from '../features/moderation/moderation.fr.ts';
import { schedulingEn } from '../features/scheduling/scheduling.en.ts';
import { schedulingFr } from '../features/scheduling/scheduling.fr.ts';
import { sessionsEn } from '../features/sessions/sessions.en.ts';
import { sessionsFr } from '../features/sessions/sessions.fr.ts';
import type { Strings } from './strings.ts';

/**
 * Each feature keeps its strings beside its code (`<f>.en.ts`, `<f>.fr.ts`), as top-level
 * namespaces of one catalogue; this is the one place they are put together. English is the
 * reference. Plural keys end in `_one` / `_other`. The unit test checks that no two features
 * claim the same namespace (a spread would silently keep only the last).
 */
export const FEATURE_STRINGS = [
  { feature: 'app', en: appEn, fr: appFr },
  { feature: 'accounts', en: accountsEn, fr: accountsFr },
  { feature: 'admin', en: adminEn, fr: adminFr },
  { feature: 'directory', en: directoryEn, fr: directoryFr },
  { feature: 'discussions', en: discussionsEn, fr: discussionsFr },
  { feature: 'groups', en: groupsEn, fr: groupsFr },
  { feature: 'memberships', en: membershipsEn, fr: membershipsFr },
  { feature: 'moderation', en: moderationEn, fr: moderationFr },
  { feature: 'scheduling', en: schedulingEn, fr: schedulingFr },
  { feature: 'sessions', en: sessionsEn, fr: sessionsFr },
] as const;

export const en = {
  ...appEn,
  ...accountsEn,
  ...adminEn,
  ...directoryEn,
  ...discussionsEn,
  ...groupsEn,
  ...membershipsEn,
  ...moderationEn,
  ...schedulingEn,
  ...sessionsEn,
};

export const fr: Strings<typeof en> = {
  ...appFr,
  ...accountsFr,
  ...adminFr,
  ...directoryFr,
  ...discussionsFr,
  ...groupsFr,
  ...membershipsFr,
  ...moderationFr,
  ...schedulingFr,
  ...sessionsFr,
};
