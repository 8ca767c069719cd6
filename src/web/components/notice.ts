import type { appEn } from '../app/app.en.ts';

export type NoticeKey = keyof typeof appEn.notices;

/** A one-line confirmation carried to the next page in the router's location state. */
export interface NoticeState {
  notice: NoticeKey;
  params?: Record<string, string>;
}

export function noticeState(notice: NoticeKey, params?: Record<string, string>): NoticeState {
  return params ? { notice, params } : { notice };
}

export function readNotice(state: unknown): NoticeState | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null;
  const { notice, params } = state as NoticeState;
  return typeof notice === 'string' ? { notice, ...(params ? { params } : {}) } : null;
}
