import {
  DEFAULT_REFLECTION_PROMPTS,
  getPrinciple,
  getProfile,
  listProfiles,
  mergePrompts,
  PEDAGOGICAL_PRINCIPLES,
  pickPrompt,
  PRINCIPLE_IDS,
  PROMPT_CONTEXTS,
  promptsOf,
  type ReflectionPrompt,
} from '../../core';

describe('the four pedagogical principles', () => {
  it('come in the guideline’s order with its Swedish names', () => {
    expect(PEDAGOGICAL_PRINCIPLES.map((p) => [p.id, p.name.sv, p.name.en])).toEqual([
      ['inclusive', 'Inkluderande', 'Inclusive'],
      ['activating', 'Aktiverande', 'Activating'],
      ['motivating', 'Motiverande', 'Motivating'],
      ['sustainable', 'Hållbara', 'Sustainable'],
    ]);
  });

  it('carry the guideline’s own meaning', () => {
    expect(getPrinciple('inclusive').meaning.sv).toMatch(
      /^Lärsituationerna är flexibla, tillgängliga/,
    );
    expect(getPrinciple('activating').meaning.sv).toMatch(/stimulerar till reflektion/);
    expect(getPrinciple('motivating').meaning.sv).toMatch(/väcker nyfikenhet, frigör kreativitet/);
    expect(getPrinciple('sustainable').meaning.sv).toMatch(/främjar livslångt lärande/);
  });
});

describe('the default reflection prompts', () => {
  it('are all written in Swedish and translated to English', () => {
    for (const prompt of DEFAULT_REFLECTION_PROMPTS) {
      expect(prompt.text.sv.length).toBeGreaterThan(20);
      expect(prompt.text.en.length).toBeGreaterThan(20);
      expect(prompt.text.en).not.toBe(prompt.text.sv);
      expect(prompt.text.sv).toMatch(/\?$/);
      expect(prompt.text.en).toMatch(/\?$/);
    }
  });

  it.each(PRINCIPLE_IDS)('give %s at least eight prompts, at least three in each context', (id) => {
    const own = DEFAULT_REFLECTION_PROMPTS.filter((p) => p.principle === id);
    expect(own.length).toBeGreaterThanOrEqual(8);
    for (const context of PROMPT_CONTEXTS) {
      expect(own.filter((p) => p.contexts.includes(context)).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('ask the inclusive questions the guideline implies: how I learn, time, format, accessibility, language', () => {
    const inclusive = DEFAULT_REFLECTION_PROMPTS.filter((p) => p.principle === 'inclusive')
      .map((p) => p.text.sv)
      .join(' ');
    for (const word of ['lär du dig bäst', 'tid', 'form', 'läs- och skrivsvårigheter', 'språk']) {
      expect(inclusive).toContain(word);
    }
  });
});

describe('a profile’s prompts', () => {
  it('when a profile adds its own prompt, then it is asked alongside the defaults', () => {
    const vgr = promptsOf(getProfile('vgr'));
    expect(vgr).toHaveLength(DEFAULT_REFLECTION_PROMPTS.length + 1);
    expect(vgr.map((p) => p.id)).toContain('sustainable-vgr-priority-areas');
    expect(promptsOf(getProfile('vasterbotten')).map((p) => p.id)).toContain(
      'motivating-development-and-results',
    );
  });

  it('when a profile uses a default’s id, then its wording replaces the default', () => {
    const reworded: ReflectionPrompt = {
      id: 'motivating-curious',
      principle: 'motivating',
      contexts: ['everyday'],
      text: { sv: 'Vad väcker din nyfikenhet?', en: 'What sparks your curiosity?' },
    };
    const merged = mergePrompts(DEFAULT_REFLECTION_PROMPTS, [reworded]);
    expect(merged).toHaveLength(DEFAULT_REFLECTION_PROMPTS.length);
    expect(merged.find((p) => p.id === 'motivating-curious')).toBe(reworded);
  });
});

describe('picking a prompt', () => {
  const prompts = promptsOf(getProfile('vgr'));

  it('when asked twice with the same seed, then the same prompt comes back', () => {
    const first = pickPrompt(prompts, 'activating', 'everyday', 'emp-11|2026|medarbetarsamtal');
    const again = pickPrompt(prompts, 'activating', 'everyday', 'emp-11|2026|medarbetarsamtal');
    expect(again).toBe(first);
  });

  it('returns only prompts of the asked principle and context', () => {
    for (let i = 0; i < 50; i++) {
      const prompt = pickPrompt(prompts, 'sustainable', 'follow-up', `seed-${i}`);
      expect(prompt.principle).toBe('sustainable');
      expect(prompt.contexts).toContain('follow-up');
    }
  });

  it('when the year changes, then the same employee meets different questions over the years', () => {
    const picked = new Set(
      [2026, 2027, 2028, 2029, 2030].map(
        (year) =>
          pickPrompt(
            prompts,
            'motivating',
            'dialogue-preparation',
            `emp-11|${year}|medarbetarsamtal`,
          ).id,
      ),
    );
    expect(picked.size).toBeGreaterThanOrEqual(3);
  });

  it('when different employees prepare the same dialogue, then they do not all get one question', () => {
    const picked = new Set(
      ['11', '12', '13', '14', '15', '16'].map(
        (employee) =>
          pickPrompt(
            prompts,
            'inclusive',
            'dialogue-preparation',
            `emp-${employee}|2026|medarbetarsamtal`,
          ).id,
      ),
    );
    expect(picked.size).toBeGreaterThanOrEqual(3);
  });

  it('over many seeds, then every candidate prompt gets its turn', () => {
    const candidates = prompts.filter(
      (p) => p.principle === 'inclusive' && p.contexts.includes('everyday'),
    );
    const picked = new Set(
      Array.from(
        { length: 200 },
        (_, i) => pickPrompt(prompts, 'inclusive', 'everyday', `s${i}`).id,
      ),
    );
    expect([...picked].sort()).toEqual(candidates.map((p) => p.id).sort());
  });

  it('when a profile lists its prompts in another order, then the choice does not change', () => {
    const seed = 'emp-12|2027|uppfoljning';
    expect(pickPrompt([...prompts].reverse(), 'activating', 'follow-up', seed)).toBe(
      pickPrompt(prompts, 'activating', 'follow-up', seed),
    );
  });

  it('when no prompt fits, then it says which principle and context are missing', () => {
    const onlyInclusive = prompts.filter((p) => p.principle === 'inclusive');
    expect(() => pickPrompt(onlyInclusive, 'motivating', 'everyday', 'x')).toThrow(
      'No reflection prompt for principle "motivating" in "everyday"',
    );
  });

  it.each(listProfiles().map((p) => [p.id, p] as const))(
    'finds a prompt for every principle and context in profile %s',
    (_id, profile) => {
      for (const principle of PRINCIPLE_IDS) {
        for (const context of PROMPT_CONTEXTS) {
          expect(pickPrompt(promptsOf(profile), principle, context, 'any').principle).toBe(
            principle,
          );
        }
      }
    },
  );
});
