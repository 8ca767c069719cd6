import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { floatingMs, formatFloating, parseLocal } from '../../../shared/zoned-time.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import type { GroupNeed } from '../../../shared/group-needs.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import * as repo from './programmes.repository.ts';
import type { ProgrammeBody, ScheduleProgrammeBody } from '../../../shared/api/sessions.schemas.ts';
import type { SessionsService } from './sessions.service.ts';

const WEEK = 7 * 86_400_000;

type ProgrammeInput = z.infer<typeof ProgrammeBody>;
type ScheduleInput = z.infer<typeof ScheduleProgrammeBody>;
type Part = { theme: string; agenda: { title: string; minutes: number }[] };

function present(row: repo.ProgrammeRow, groupSlug: string) {
  return {
    id: row.id,
    groupSlug,
    title: row.title,
    description: row.description,
    parts: JSON.parse(row.parts) as Part[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Programmes: a series of sessions with a theme each (an 8-week cohort, say), written once
 * and scheduled again for every new cohort.
 */
export function createProgrammesService(deps: ServiceDeps & { groups: GroupsService; sessions: SessionsService }) {
  const { db, groups, sessions } = deps;

  async function loadVisible(actor: Actor | null, id: string, need: GroupNeed = 'view') {
    const programme = await repo.findProgramme(db, id);
    if (!programme) throw notFound();
    return { programme, ...(await groups.loadGroupFor(actor, { id: programme.group_id }, need)) };
  }

  const loadAsLeader = (actor: Actor, id: string) => loadVisible(actor, id, 'lead');

  return {
    /** Writes a programme for the group (leaders only). */
    async createProgramme(actor: Actor, slug: string, input: ProgrammeInput) {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      const now = deps.clock.now().toISOString();
      const row: repo.ProgrammeRow = {
        id: randomUUID(),
        group_id: group.id,
        title: input.title,
        description: input.description ?? null,
        parts: JSON.stringify(input.parts),
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      };
      await repo.insertProgramme(db, row);
      return present(row, group.slug);
    },

    async listProgrammes(actor: Actor | null, slug: string) {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'view');
      return (await repo.listProgrammesOfGroup(db, group.id)).map((r) => present(r, group.slug));
    },

    async getProgramme(actor: Actor | null, id: string) {
      const { programme, group } = await loadVisible(actor, id);
      return present(programme, group.slug);
    },

    async updateProgramme(actor: Actor, id: string, input: Partial<ProgrammeInput>) {
      const { programme, group } = await loadAsLeader(actor, id);
      const changes: Partial<repo.ProgrammeRow> = { updated_at: deps.clock.now().toISOString() };
      if (input.title !== undefined) changes.title = input.title;
      if (input.description !== undefined) changes.description = input.description ?? null;
      if (input.parts !== undefined) changes.parts = JSON.stringify(input.parts);
      await repo.updateProgramme(db, id, changes);
      return present({ ...programme, ...changes }, group.slug);
    },

    async deleteProgramme(actor: Actor, id: string): Promise<void> {
      await loadAsLeader(actor, id);
      await repo.deleteProgramme(db, id);
    },

    /**
     * Schedules the programme for a cohort: one session per part, every `intervalWeeks`
     * weeks at the same wall time from `start`, each with its theme and agenda.
     */
    async scheduleProgramme(actor: Actor, id: string, input: ScheduleInput) {
      const { programme, group } = await loadAsLeader(actor, id);
      const parts = JSON.parse(programme.parts) as Part[];
      const first = parseLocal(input.start);
      if (!first) throw new AppError('VALIDATION', { issues: [{ path: 'start', key: 'issue.localTime' }] });
      const created = [];
      for (const [i, part] of parts.entries()) {
        const start = formatFloating(floatingMs(first) + i * input.intervalWeeks * WEEK);
        created.push(
          await sessions.scheduleSession(
            actor,
            group.slug,
            {
              title: part.theme,
              description: input.description ?? programme.title,
              start,
              timeZone: input.timeZone,
              durationMinutes: input.durationMinutes,
              mode: input.mode,
              location: input.location ?? null,
              address: input.address ?? null,
              accessibility: input.accessibility ?? null,
              onlineUrl: input.onlineUrl ?? null,
              dialIn: input.dialIn ?? null,
              capacity: input.capacity ?? null,
              facilitators: input.facilitators ?? [],
              agenda: part.agenda,
            },
            { programmeId: programme.id },
          ),
        );
      }
      return created;
    },
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
