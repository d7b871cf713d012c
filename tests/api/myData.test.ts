import type { PersonalData } from '../../core/privacy/personalData';
import en from '../../core/i18n/locales/en.json';
import sv from '../../core/i18n/locales/sv.json';
import {
  ANNA,
  ANNA_PRIVATE_FOLLOW_UP,
  ANNA_PRIVATE_REFLECTION,
  ANNA_SHARED_REFLECTION,
  call,
  ERIK,
  MARIA,
  storedPlan,
  usePlanApi,
} from './planApiFixtures';

/*
 * "Exportera mina data" (GDPR articles 15 and 20): everything stored about the caller, as JSON
 * to keep and as text to read, and never anyone else's.
 */

describe('GET /me/data and /me/data/summary', () => {
  const api = usePlanApi();

  it('when Anna exports her data, then she gets her plan with every version and all her reflections and answers, private ones too, as a JSON file', async () => {
    const plan = await storedPlan(api, ANNA);

    const response = await call(api.app, ANNA, 'GET', '/me/data');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="kompetensdialog-mina-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const data = (await response.json()) as PersonalData;
    expect(data.person).toMatchObject({ id: ANNA.id, displayName: ANNA.displayName });
    expect(data.individualPlans.map((p) => p.plan.id)).toEqual([plan.id]);
    expect(data.individualPlans[0]?.versions.map((v) => v.version)).toEqual(
      Array.from({ length: plan.version }, (_, index) => index + 1),
    );
    expect(data.reflections.map((r) => r.id).sort()).toEqual(
      expect.arrayContaining([ANNA_PRIVATE_REFLECTION.id, ANNA_SHARED_REFLECTION.id]),
    );
    expect(data.effectFollowUps.map((f) => f.id)).toContain(ANNA_PRIVATE_FOLLOW_UP.id);
  });

  it('when Anna exports her data, then nothing of Erik’s or of her manager’s own is in it', async () => {
    const text = await (await call(api.app, ANNA, 'GET', '/me/data')).text();

    expect(text).not.toContain(ERIK.id);
    expect(text).not.toContain(MARIA.displayName);
  });

  it.each([
    ['Swedish', 'sv', sv],
    ['English', 'en', en],
  ] as const)(
    'when Anna asks for the summary in %s, then it reads in that language and holds her own words, private ones too',
    async (_language, acceptLanguage, texts) => {
      const response = await call(api.app, ANNA, 'GET', '/me/data/summary', undefined, {
        'Accept-Language': acceptLanguage,
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const summary = await response.text();
      expect(summary).toContain(texts.privacy.export.title.replace('{{name}}', ANNA.displayName));
      expect(summary).toContain(ANNA_PRIVATE_REFLECTION.text);
      expect(summary).toContain(`(${texts.privacy.export.private})`);
    },
  );

  it('when a query names someone else, then it is refused: the export is only ever the caller’s', async () => {
    const response = await call(api.app, ANNA, 'GET', `/me/data?personId=${ERIK.id}`);

    expect(response.status).toBe(400);
  });
});
