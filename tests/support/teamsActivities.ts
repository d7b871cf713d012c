import { randomUUID } from 'node:crypto';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';

/** Builders for the activities Teams sends, with channelId "msteams" so Teams routing runs. */

export const BOT_ID = '28:kompetensdialog-bot';
const [firstEmployee] = demoOrganisation.employees;
if (!firstEmployee) throw new Error('The demo organisation has no employees');
export const ANNA = firstEmployee;
export const KARIN = demoOrganisation.manager;

export interface ActivityOptions {
  serviceUrl: string;
  userId?: string;
  userName?: string;
  locale?: string;
  scope?: 'personal' | 'channel' | 'groupChat';
  conversationId?: string;
  teamId?: string;
}

function base(options: ActivityOptions) {
  const scope = options.scope ?? 'personal';
  const userId = options.userId ?? ANNA.id;
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: options.locale ?? 'sv-SE',
    from: { id: `29:${userId}`, aadObjectId: userId, name: options.userName ?? '' },
    recipient: { id: BOT_ID, name: 'Kompetensdialog' },
    conversation: {
      id: options.conversationId ?? `a:personal-${userId}`,
      conversationType: scope,
      tenantId: 'demo-tenant',
      ...(scope === 'personal' ? {} : { isGroup: true }),
    },
    channelData: {
      tenant: { id: 'demo-tenant' },
      ...(scope === 'channel'
        ? {
            team: { id: options.teamId ?? '19:team-akuten@thread.tacv2' },
            channel: { id: options.conversationId },
          }
        : {}),
    },
  };
}

export function membersAdded(options: ActivityOptions, memberIds: string[]) {
  return {
    ...base(options),
    type: 'conversationUpdate',
    membersAdded: memberIds.map((id) => ({ id })),
  };
}

export function installationAdded(options: ActivityOptions) {
  return { ...base(options), type: 'installationUpdate', action: 'add' };
}

export function message(options: ActivityOptions, text: string) {
  return { ...base(options), type: 'message', text };
}

export function cardSubmit(options: ActivityOptions, value: unknown) {
  return { ...base(options), type: 'message', text: '', value };
}

export function cardExecute(options: ActivityOptions, verb: string, data: unknown) {
  return {
    ...base(options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
