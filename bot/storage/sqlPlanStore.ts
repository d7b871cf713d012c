import type { z } from 'zod';
import {
  DialoguePreparationSchema,
  DialogueSchema,
  type Dialogue,
  type DialoguePreparation,
} from '../../core/plan/dialogue';
import { EffectFollowUpSchema, type EffectFollowUp } from '../../core/plan/effectFollowUp';
import { IndividualPlanSchema, type IndividualPlan } from '../../core/plan/individualPlan';
import { ReflectionSchema, type Reflection } from '../../core/plan/reflection';
import { TeamPlanSchema, type TeamPlan } from '../../core/plan/teamPlan';
import {
  planFateOnErasure,
  type AgreedPlanOnErasure,
  type ErasedPlanRecords,
} from '../../core/privacy/erasure';
import type { RetentionCutoff } from '../../core/privacy/retention';
import type {
  ExpiredRecords,
  PlanStore,
  Revision,
  SaveOptions,
  TeamRecords,
  VersionedPreparation,
} from '../../core/ports/planStore';
import type { SqlDatabase } from './sqlDatabase';
import { parseStored, VersionedDocuments } from './versionedDocuments';

const documentsOf = <T>(stored: { document: T }[]): T[] => stored.map((s) => s.document);

export class SqlPlanStore implements PlanStore {
  private readonly individualPlans: VersionedDocuments<IndividualPlan>;
  private readonly teamPlans: VersionedDocuments<TeamPlan>;
  private readonly preparations: VersionedDocuments<DialoguePreparation>;

  constructor(private readonly db: SqlDatabase) {
    this.individualPlans = new VersionedDocuments(db, {
      kind: 'individual-plan',
      table: 'individual_plans',
      historyTable: 'individual_plan_versions',
      schema: IndividualPlanSchema,
      idOf: (plan) => plan.id,
      columns: (plan) => ({
        employee_id: plan.employeeId,
        manager_id: plan.managerId,
        profile_id: plan.profileId,
        year: plan.year,
        status: plan.status,
        agreed_at: plan.agreedAt ?? null,
      }),
      naturalKey: ['employee_id', 'year'],
      atVersion: (plan, version) => ({ ...plan, version }),
    });
    this.teamPlans = new VersionedDocuments(db, {
      kind: 'team-plan',
      table: 'team_plans',
      historyTable: 'team_plan_versions',
      schema: TeamPlanSchema,
      idOf: (plan) => plan.id,
      columns: (plan) => ({
        unit_id: plan.unitId,
        profile_id: plan.profileId,
        year: plan.year,
      }),
      naturalKey: ['unit_id', 'year'],
      atVersion: (plan, version) => ({ ...plan, version }),
    });
    this.preparations = new VersionedDocuments(db, {
      kind: 'dialogue-preparation',
      table: 'dialogue_preparations',
      historyTable: 'dialogue_preparation_versions',
      schema: DialoguePreparationSchema,
      idOf: (preparation) => preparation.id,
      columns: (preparation) => ({
        dialogue_id: preparation.dialogueId,
        employee_id: preparation.employeeId,
      }),
      naturalKey: ['dialogue_id'],
      atVersion: (preparation) => preparation,
    });
  }

  async getIndividualPlanById(planId: string): Promise<IndividualPlan | undefined> {
    return (await this.individualPlans.find('id = $1', [planId]))[0]?.document;
  }

  async getIndividualPlan(employeeId: string, year: number): Promise<IndividualPlan | undefined> {
    const found = await this.individualPlans.find('employee_id = $1 and year = $2', [
      employeeId,
      year,
    ]);
    return found[0]?.document;
  }

  async findLatestIndividualPlan(employeeId: string): Promise<IndividualPlan | undefined> {
    const found = await this.individualPlans.find('employee_id = $1', [employeeId], {
      orderBy: 'year desc',
      limit: 1,
    });
    return found[0]?.document;
  }

  async saveIndividualPlan(plan: IndividualPlan, options: SaveOptions): Promise<IndividualPlan> {
    return (await this.individualPlans.save(plan, options)).document;
  }

  individualPlanHistory(planId: string): Promise<Revision<IndividualPlan>[]> {
    return this.individualPlans.history(planId);
  }

  async listIndividualPlansSavedWithin(periodMs: number): Promise<IndividualPlan[]> {
    return this.savedWithin('individual_plans', 'saved_at', IndividualPlanSchema, periodMs);
  }

  async listIndividualPlans(
    employeeIds: readonly string[],
    options: { year?: number } = {},
  ): Promise<IndividualPlan[]> {
    if (employeeIds.length === 0) return [];
    const found =
      options.year === undefined
        ? await this.individualPlans.find('employee_id = any($1::text[])', [employeeIds], {
            orderBy: 'employee_id, year desc',
          })
        : await this.individualPlans.find(
            'employee_id = any($1::text[]) and year = $2',
            [employeeIds, options.year],
            { orderBy: 'employee_id' },
          );
    return documentsOf(found);
  }

  /**
   * A plan counts as agreed while its current version is agreed or still carries its
   * agreement (under revision); one replaced by a new draft without it does not.
   */
  async readTeamRecords(employeeIds: readonly string[]): Promise<TeamRecords> {
    const [plans, dialogues, agreedRows] = await Promise.all([
      this.listIndividualPlans(employeeIds),
      this.listDialoguesForEmployees(employeeIds),
      employeeIds.length === 0
        ? Promise.resolve([])
        : this.db.query<{ id: string; version: number; document: unknown }>(
            `select distinct on (v.id) v.id, v.version, v.document
             from individual_plan_versions v join individual_plans p on p.id = v.id
             where p.employee_id = any($1::text[]) and v.document->>'status' = 'agreed'
               and (p.status = 'agreed' or p.agreed_at is not null)
             order by v.id, v.version desc`,
            [employeeIds],
          ),
    ]);
    const agreedPlans = agreedRows.map((row) =>
      parseStored(
        IndividualPlanSchema,
        'individual-plan',
        `${row.id}@${row.version}`,
        row.document,
      ),
    );
    const followUps = await this.listEffectFollowUps(plans.map((plan) => plan.id));
    return { plans, agreedPlans, dialogues, followUps };
  }

  async getTeamPlan(unitId: string, year: number): Promise<TeamPlan | undefined> {
    return (await this.teamPlans.find('unit_id = $1 and year = $2', [unitId, year]))[0]?.document;
  }

  async saveTeamPlan(plan: TeamPlan, options: SaveOptions): Promise<TeamPlan> {
    return (await this.teamPlans.save(plan, options)).document;
  }

  teamPlanHistory(planId: string): Promise<Revision<TeamPlan>[]> {
    return this.teamPlans.history(planId);
  }

  async addReflection(reflection: Reflection): Promise<void> {
    const document = ReflectionSchema.parse(reflection);
    await this.db.query(
      `insert into reflections (id, person_id, visibility, created_at, document)
       values ($1, $2, $3, $4::timestamptz, $5::jsonb)`,
      [
        document.id,
        document.personId,
        document.visibility,
        document.createdAt,
        JSON.stringify(document),
      ],
    );
  }

  async listReflections(
    personId: string,
    options: { sharedOnly?: boolean } = {},
  ): Promise<Reflection[]> {
    const rows = await this.db.query<{ id: string; document: unknown }>(
      `select id, document from reflections
       where person_id = $1 ${options.sharedOnly ? "and visibility = 'shared-with-manager'" : ''}
       order by created_at desc, id`,
      [personId],
    );
    return rows.map((row) => parseStored(ReflectionSchema, 'reflection', row.id, row.document));
  }

  async saveEffectFollowUp(followUp: EffectFollowUp): Promise<void> {
    const document = EffectFollowUpSchema.parse(followUp);
    await this.db.query(
      `insert into effect_follow_ups
         (plan_id, activity_id, id, person_id, visibility, answered_at, document)
       values ($1, $2, $3, $4, $5, $6::timestamptz, $7::jsonb)
       on conflict (plan_id, activity_id) do update set
         id = excluded.id,
         person_id = excluded.person_id,
         visibility = excluded.visibility,
         answered_at = excluded.answered_at,
         document = excluded.document`,
      [
        document.planId,
        document.activityId,
        document.id,
        document.personId,
        document.visibility,
        document.answeredAt,
        JSON.stringify(document),
      ],
    );
  }

  /** Newest answer first, like reflections. */
  async listEffectFollowUps(
    planIds: readonly string[],
    options: { sharedOnly?: boolean } = {},
  ): Promise<EffectFollowUp[]> {
    if (planIds.length === 0) return [];
    const rows = await this.db.query<{ id: string; document: unknown }>(
      `select id, document from effect_follow_ups
       where plan_id = any($1::text[])
         ${options.sharedOnly ? "and visibility = 'shared-with-manager'" : ''}
       order by answered_at desc, plan_id, activity_id`,
      [planIds],
    );
    return rows.map((row) =>
      parseStored(EffectFollowUpSchema, 'effect follow-up', row.id, row.document),
    );
  }

  async saveDialogue(dialogue: Dialogue): Promise<void> {
    const document = DialogueSchema.parse(dialogue);
    await this.db.query(
      `insert into dialogues
         (id, employee_id, manager_id, profile_id, status, scheduled_at, document)
       values ($1, $2, $3, $4, $5, $6::timestamptz, $7::jsonb)
       on conflict (id) do update set
         employee_id = excluded.employee_id,
         manager_id = excluded.manager_id,
         profile_id = excluded.profile_id,
         status = excluded.status,
         scheduled_at = excluded.scheduled_at,
         document = excluded.document,
         updated_at = now()`,
      [
        document.id,
        document.employeeId,
        document.managerId ?? null,
        document.profileId,
        document.status,
        document.scheduledAt ?? null,
        JSON.stringify(document),
      ],
    );
  }

  async getDialogue(dialogueId: string): Promise<Dialogue | undefined> {
    return (await this.dialogues('id = $1', dialogueId))[0];
  }

  listDialoguesForEmployee(employeeId: string): Promise<Dialogue[]> {
    return this.dialogues('employee_id = $1', employeeId);
  }

  async listDialoguesForEmployees(employeeIds: readonly string[]): Promise<Dialogue[]> {
    if (employeeIds.length === 0) return [];
    return this.dialogues('employee_id = any($1::text[])', employeeIds);
  }

  async listDialoguesSavedWithin(periodMs: number): Promise<Dialogue[]> {
    return this.savedWithin('dialogues', 'updated_at', DialogueSchema, periodMs);
  }

  /**
   * For the reminder catch-up, which must not stop at one broken row: a stored document that
   * no longer matches its schema is left out here (reading it by id still fails loudly).
   */
  private async savedWithin<T>(
    table: 'individual_plans' | 'dialogues',
    savedAt: 'saved_at' | 'updated_at',
    schema: z.ZodType<T>,
    periodMs: number,
  ): Promise<T[]> {
    const rows = await this.db.query<{ document: unknown }>(
      `select document from ${table}
       where ${savedAt} >= now() - $1::bigint * interval '1 millisecond'
       order by ${savedAt}, id`,
      [Math.ceil(periodMs)],
    );
    return rows.flatMap((row) => {
      const parsed = schema.safeParse(row.document);
      return parsed.success ? [parsed.data] : [];
    });
  }

  private async dialogues(where: string, value: string | readonly string[]): Promise<Dialogue[]> {
    const rows = await this.db.query<{ id: string; document: unknown }>(
      `select id, document from dialogues where ${where} order by scheduled_at, id`,
      [value],
    );
    return rows.map((row) => parseStored(DialogueSchema, 'dialogue', row.id, row.document));
  }

  async getPreparation(dialogueId: string): Promise<VersionedPreparation | undefined> {
    const stored = (await this.preparations.find('dialogue_id = $1', [dialogueId]))[0];
    return stored && { preparation: stored.document, version: stored.version };
  }

  async savePreparation(
    preparation: DialoguePreparation,
    options: SaveOptions,
  ): Promise<VersionedPreparation> {
    const stored = await this.preparations.save(preparation, options);
    return { preparation: stored.document, version: stored.version };
  }

  preparationHistory(preparationId: string): Promise<Revision<DialoguePreparation>[]> {
    return this.preparations.history(preparationId);
  }

  // ── Erasure and retention ──────────────────────────────────────────────────────────────

  /** One transaction: an erasure that fails half-way leaves everything as it was. */
  async erasePersonalData(
    personId: string,
    options: { agreedPlans: AgreedPlanOnErasure },
  ): Promise<ErasedPlanRecords> {
    return this.db.transaction(async (tx) => {
      const plans = await tx.query<{ id: string; agreed_version: number | null }>(
        `select p.id,
           (select max(v.version) from individual_plan_versions v
            where v.id = p.id and v.document->>'status' = 'agreed') as agreed_version
         from individual_plans p where p.employee_id = $1`,
        [personId],
      );
      let keptAgreedPlans = 0;
      let individualPlans = 0;
      for (const plan of plans) {
        const fate = planFateOnErasure(options.agreedPlans, plan.agreed_version !== null);
        if (fate === 'keep-agreed-version') {
          // The unit's record is the plan as agreed: drafts, proposals and comments after it go.
          await tx.query(
            `update individual_plans p set
               version = v.version, document = v.document, saved_by = v.saved_by,
               saved_at = v.saved_at, status = 'agreed',
               agreed_at = (v.document->>'agreedAt')::timestamptz
             from individual_plan_versions v
             where p.id = $1 and v.id = p.id and v.version = $2`,
            [plan.id, plan.agreed_version],
          );
          await tx.query(`delete from individual_plan_versions where id = $1 and version <> $2`, [
            plan.id,
            plan.agreed_version,
          ]);
          keptAgreedPlans += 1;
        } else {
          await tx.query(`delete from individual_plans where id = $1`, [plan.id]);
          individualPlans += 1;
        }
      }
      const count = async (sql: string) => (await tx.query(sql, [personId])).length;
      // Answers on the person's plans are theirs, whoever's plan kept them.
      const effectFollowUps = await count(
        `delete from effect_follow_ups
         where person_id = $1
            or plan_id in (select id from individual_plans where employee_id = $1)
         returning 1`,
      );
      const preparations = await count(
        `delete from dialogue_preparations where employee_id = $1 returning 1`,
      );
      const dialogues = await count(`delete from dialogues where employee_id = $1 returning 1`);
      const reflections = await count(`delete from reflections where person_id = $1 returning 1`);
      return {
        individualPlans,
        keptAgreedPlans,
        dialogues,
        preparations,
        reflections,
        effectFollowUps,
      };
    });
  }

  async removeExpired(cutoff: RetentionCutoff): Promise<ExpiredRecords> {
    return this.db.transaction(async (tx) => {
      const params = [cutoff.profileId, cutoff.beforeYear];
      await tx.query(
        `delete from effect_follow_ups where plan_id in
           (select id from individual_plans where profile_id = $1 and year < $2)`,
        params,
      );
      const plans = await tx.query(
        `delete from individual_plans where profile_id = $1 and year < $2 returning 1`,
        params,
      );
      // Preparations and their versions go with the dialogue (on delete cascade).
      const dialogues = await tx.query(
        `delete from dialogues
         where profile_id = $1 and (document->>'year')::int < $2 returning 1`,
        params,
      );
      return { individualPlans: plans.length, dialogues: dialogues.length };
    });
  }

  async removeReflectionsBefore(before: Date): Promise<number> {
    const rows = await this.db.query(
      `delete from reflections where created_at < $1::timestamptz returning 1`,
      [before.toISOString()],
    );
    return rows.length;
  }
}
