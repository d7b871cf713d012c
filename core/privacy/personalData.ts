import { translator, type Language } from '../i18n/i18n';
import type { Dialogue, DialoguePreparation } from '../plan/dialogue';
import type { EffectFollowUp } from '../plan/effectFollowUp';
import type { IndividualPlan } from '../plan/individualPlan';
import type { Reflection } from '../plan/reflection';
import type { AuditEntry } from '../ports/auditLog';
import type { Person } from '../ports/directory';
import type { Revision } from '../ports/planStore';
import type { ReminderSettings } from '../reminders/reminderSettings';
import type { IsoDateTime } from '../shared/schemas';

/**
 * Everything the app keeps about one person, as "exportera mina data" hands it to them
 * (GDPR article 15 and 20): the stored documents as they are, machine-readable, and a
 * summary a person can read. What the directory says of them is included as it is read now.
 */
export interface PersonalData {
  exportedAt: IsoDateTime;
  person: Person;
  /** Their plans, each with every saved version (who saved it and when). */
  individualPlans: { plan: IndividualPlan; versions: Revision<IndividualPlan>[] }[];
  /** Their dialogues, each with the preparation they wrote for it. */
  dialogues: { dialogue: Dialogue; preparation?: DialoguePreparation }[];
  /** Every reflection, private ones included: they are theirs. */
  reflections: Reflection[];
  effectFollowUps: EffectFollowUp[];
  reminderSettings?: ReminderSettings;
  /** Who read or changed their data (core/privacy/audit.ts), newest first: ids, no content. */
  accessLog: AuditEntry[];
}

/** The summary: plain text, one section a kind, the person's own words as they wrote them. */
export function personalDataSummary(data: PersonalData, language: Language): string {
  const t = translator(language);
  const visibility = (shared: boolean) =>
    t(shared ? 'privacy.export.shared' : 'privacy.export.private');
  const lines: string[] = [
    t('privacy.export.title', { name: data.person.displayName }),
    t('privacy.export.exportedAt', { at: data.exportedAt }),
    '',
    t('privacy.export.sections.person'),
    ...[
      [t('privacy.export.fields.id'), data.person.id],
      [t('privacy.export.fields.email'), data.person.email],
      [t('privacy.export.fields.jobTitle'), data.person.jobTitle],
      [t('privacy.export.fields.unit'), data.person.unitId],
      [t('privacy.export.fields.manager'), data.person.managerId],
    ].flatMap(([label, value]) => (value ? [`  ${label}: ${value}`] : [])),
    '',
    t('privacy.export.sections.plans', { count: data.individualPlans.length }),
  ];
  for (const { plan, versions } of data.individualPlans) {
    lines.push(
      `  ${t('privacy.export.plan', { year: plan.year, status: plan.status, versions: versions.length })}`,
    );
    for (const goal of plan.goals) lines.push(`    – ${goal.text}`);
    for (const activity of plan.activities) {
      lines.push(`    · ${activity.title} (${activity.dueDate}, ${activity.status})`);
    }
  }
  lines.push('', t('privacy.export.sections.dialogues', { count: data.dialogues.length }));
  for (const { dialogue, preparation } of data.dialogues) {
    lines.push(
      `  ${dialogue.dialogueTypeId} ${dialogue.year}: ${dialogue.status}${dialogue.scheduledAt ? `, ${dialogue.scheduledAt}` : ''}`,
    );
    for (const answer of preparation?.answers ?? []) {
      const shared = answer.visibility === 'shared-with-manager';
      const said = answer.text ?? answer.choiceIds?.join(', ') ?? '';
      lines.push(`    ${answer.questionId} (${visibility(shared)}): ${said}`);
    }
  }
  lines.push('', t('privacy.export.sections.reflections', { count: data.reflections.length }));
  for (const reflection of data.reflections) {
    const shared = reflection.visibility === 'shared-with-manager';
    lines.push(
      `  ${reflection.createdAt} ${reflection.principle} (${visibility(shared)}): ${reflection.text}`,
    );
  }
  lines.push('', t('privacy.export.sections.followUps', { count: data.effectFollowUps.length }));
  for (const answer of data.effectFollowUps) {
    const shared = answer.visibility === 'shared-with-manager';
    const said = [answer.learned, answer.applied, answer.supportNeeded].filter(Boolean);
    lines.push(`  ${answer.answeredAt} (${visibility(shared)}): ${said.join(' / ')}`);
  }
  lines.push('', t('privacy.export.sections.accessLog', { count: data.accessLog.length }));
  for (const entry of data.accessLog) {
    lines.push(`  ${entry.at.toISOString()} ${entry.actorId}: ${entry.action}`);
  }
  if (data.reminderSettings) {
    lines.push(
      '',
      t('privacy.export.sections.reminders'),
      `  ${JSON.stringify(data.reminderSettings)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
