import vgrFile from '../../core/profiles/data/vgr.json';
import {
  createProfileRegistry,
  getProfile,
  listProfiles,
  parseProfile,
  ProfileValidationError,
  UnknownProfileError,
  type OrganisationProfile,
} from '../../core';

/** A deep copy of the shipped VGR file to break on purpose. */
const vgrCopy = (): typeof vgrFile => structuredClone(vgrFile);

/** The problems parseProfile reports for `json`, or a failure if it parses. */
function problemsOf(json: unknown): string[] {
  try {
    parseProfile(json);
  } catch (error) {
    if (error instanceof ProfileValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the profile to be rejected');
}

describe('the shipped organisation profiles', () => {
  it('when the app starts, then VGR and Västerbotten are both registered and valid', () => {
    expect(listProfiles().map((p) => p.id)).toEqual(['vgr', 'vasterbotten']);
    expect(getProfile('vgr').name.sv).toBe('Västra Götalandsregionen');
    expect(getProfile('vasterbotten').name.sv).toBe('Region Västerbotten');
  });

  it('when an unknown region is asked for, then the error names the known ones', () => {
    expect(() => getProfile('skane')).toThrow(UnknownProfileError);
    expect(() => getProfile('skane')).toThrow(/"skane".*vgr, vasterbotten/);
  });
});

describe('VGR', () => {
  const vgr = getProfile('vgr');

  it('has exactly the nine priority areas of the inriktning 2026–2027, in its order', () => {
    expect(vgr.priorityAreas.areas.map((a) => a.name.sv)).toEqual([
      'Digitalisering',
      'Artificiell intelligens (AI)',
      'Organisationskultur och ett sammanhållet VGR',
      'Styrning och ledning',
      'Kvalitetsdriven verksamhetsutveckling',
      'Förändringsledning',
      'Hållbar utveckling',
      'Ett hållbart arbetsliv',
      'Säkerhet och beredskap',
    ]);
    expect(vgr.priorityAreas).toMatchObject({
      provenance: { status: 'adopted' },
      validFromYear: 2026,
      validToYear: 2027,
    });
  });

  it('flags exactly the offers the inriktning calls mandatory', () => {
    const mandatory = vgr.catalogue.items.filter((item) => item.mandatory).map((i) => i.title);
    expect(mandatory.sort()).toEqual(
      [
        'Brandskyddsutbildning och Släckövning',
        'Digital informationssäkerhet för alla (Disa)',
        'Informationssäkerhet, inriktning hälso- och sjukvård',
        'Obligatoriska utbildningar inom chefens arbetsmiljöansvar',
      ].sort(),
    );
  });

  it.each([
    ['DigIT VGR', 'digitalisering'],
    ['Starta din AI resa', 'artificiell-intelligens'],
    ['AI för chefer och ledare inom hälso- och sjukvård', 'artificiell-intelligens'],
    ['Introduktion till AI inom hälso- och sjukvård', 'artificiell-intelligens'],
    ['Kvalitetsdriven verksamhetsutveckling 15 hp', 'kvalitetsdriven-verksamhetsutveckling'],
    ['Regiongemensamt utbildningsprogram i förändringsledning', 'forandringsledning'],
    ['Hållbarhet – för varje människa och vår planet', 'hallbar-utveckling'],
    ['Ledartorget', 'ett-hallbart-arbetsliv'],
    ['Digital informationssäkerhet för alla (Disa)', 'sakerhet-och-beredskap'],
  ])('offers "%s" under %s', (title, areaId) => {
    const item = vgr.catalogue.items.find((i) => i.title === title);
    expect(item?.priorityAreaIds).toContain(areaId);
  });

  it('offers the quality web course to everyone and the 15 hp course with Chalmers', () => {
    const quality = vgr.catalogue.items.filter((i) =>
      i.priorityAreaIds.includes('kvalitetsdriven-verksamhetsutveckling'),
    );
    expect(quality.map((i) => i.format)).toContain('e-learning');
    expect(quality.find((i) => i.title.endsWith('15 hp'))?.provider).toMatch(/Chalmers/);
  });

  it('lists the framework agreement areas with their suppliers in ranked order', () => {
    const [agreement] = vgr.frameworkAgreements;
    const suppliers = Object.fromEntries(
      (agreement?.areas ?? []).map((area) => [area.name.sv, area.suppliers]),
    );
    expect(suppliers).toEqual({
      'Digitala arbetssätt': ['Lexicon'],
      Ekonomistyrning: ['Ekan', 'Kommunalekonomernas förening'],
      Kommunikation: ['Agera Kommunikation', 'Lexicon'],
      Ledarskap: ['Prové', 'TrustP'],
      Medarbetarskap: ['Avonova Hälsa', 'Lexicon'],
      'Motiverande samtal och samtalsmetodik': [],
      'Pedagogik och lärande': ['PA Consulting Group', 'Lexicon'],
      Projektarbete: ['Prové', 'Semcon'],
      'Schemaläggning och bemanningsplanering': ['Time Care', 'P & M Palmgren Consulting'],
      'UGL, UL och IL': ['Harmoni i Livet Syd', 'Rezon', 'Team Fusion'],
    });
    expect(agreement?.eligibleOrganisations).toEqual([
      'Västra Götalandsregionen',
      'Västtrafik AB',
      'GöteborgsOperan AB',
    ]);
  });

  it('gives every procured framework area a target group and example training areas', () => {
    const procured = vgr.frameworkAgreements
      .flatMap((agreement) => agreement.areas)
      .filter((area) => area.suppliers.length > 0 && area.id !== 'ugl-ul-il');
    expect(procured).toHaveLength(8);
    for (const area of procured) {
      expect(area.targetGroup?.sv).toBeTruthy();
      expect(area.exampleTrainingAreas.length).toBeGreaterThan(0);
    }
  });

  it('writes the individual plan at the medarbetarsamtal and follows it up afterwards', () => {
    expect(vgr.dialogueCycle.map((d) => [d.id, d.order, d.writesPlan, d.followsUpPlan])).toEqual([
      ['medarbetarsamtal', 1, true, false],
      ['uppfoljning', 2, false, true],
    ]);
  });

  it('names every form of competence development in the guideline and the intranet page', () => {
    const names = vgr.formsOfLearning.map((form) => form.name.sv);
    expect(names).toEqual(
      expect.arrayContaining([
        'Utbildning',
        'Handledning',
        'Seminarier',
        'Kunskapsutbyte via nätverk',
        'Auskultation',
        'Studiebesök',
        'Simulering',
        'Mentorskap',
        'Forskning',
        'Fortbildning',
        'Egenstudier',
        'Självstyrt lärande',
        'Strukturerad reflektion',
        'Pröva andra arbetsuppgifter',
        'Handleda och utbilda andra',
        'Läsa yrkeslitteratur',
        'Diskutera fallstudier med kollegor',
        'Arbeta i projekt',
        'Digitala yrkesgemenskaper',
      ]),
    );
    expect(vgr.formsOfLearning.find((f) => f.id === 'auskultation')?.kind).toBe('everyday');
  });
});

describe('Region Västerbotten', () => {
  const vasterbotten = getProfile('vasterbotten');

  it('has three dialogues a year: the plan is written at the first and followed up at the second', () => {
    expect(
      vasterbotten.dialogueCycle.map((d) => [d.name.sv, d.writesPlan, d.followsUpPlan]),
    ).toEqual([
      ['Medarbetarsamtal', true, false],
      ['Prestationssamtal', false, true],
      ['Löneåterkopplingssamtal', false, false],
    ]);
  });

  it('marks its priority areas and empty catalogue as a starting set for the region to replace', () => {
    expect(vasterbotten.priorityAreas.provenance.status).toBe('starting-set');
    expect(vasterbotten.catalogue).toMatchObject({
      provenance: { status: 'starting-set' },
      items: [],
    });
    expect(vasterbotten.frameworkAgreements).toEqual([]);
  });

  it('starts from the same forms of learning as VGR', () => {
    expect(vasterbotten.formsOfLearning).toEqual(getProfile('vgr').formsOfLearning);
  });
});

describe.each(listProfiles().map((p) => [p.id, p] as const))('profile %s', (_id, profile) => {
  it('reminds the employee 10 and 2 working days before, the manager 2 before and 1 after, 08–17 Stockholm time', () => {
    expect(profile.reminderPolicy).toEqual({
      employeeWorkingDaysBefore: [10, 2],
      managerWorkingDaysBefore: [2],
      afterDialogueWorkingDays: 1,
      workingHours: { start: '08:00', end: '17:00' },
      timeZone: 'Europe/Stockholm',
    });
  });

  it('keeps the wording in Swedish with å, ä and ö intact', () => {
    const text = JSON.stringify(profile);
    expect(text).toMatch(/[åäö]/);
    // Mojibake (UTF-8 read as Latin-1) or OCR residue from the seeds would show as these.
    expect(text).not.toMatch(/Ã|Â|�|I6n|stdd/);
  });
});

describe('parsing a new region’s profile', () => {
  it('when a catalogue item names an unknown priority area, then parsing fails naming it', () => {
    const file = vgrCopy();
    const item = file.catalogue.items[0];
    if (!item) throw new Error('fixture has no catalogue item');
    item.priorityAreaIds = ['rymdfart'];
    expect(problemsOf(file)).toEqual([
      `catalogue.items.0.priorityAreaIds.0: Catalogue item "${item.id}" refers to unknown priority area "rymdfart"`,
    ]);
  });

  it('when a catalogue item names an unknown framework area, then parsing fails naming it', () => {
    const file = vgrCopy();
    const ugl = file.catalogue.items.find((i) => i.id === 'ugl');
    if (!ugl) throw new Error('fixture has no UGL item');
    ugl.frameworkAreaId = 'okand';
    expect(problemsOf(file).join('\n')).toMatch(/unknown framework area "okand"/);
  });

  it('when two priority areas share an id, then parsing fails naming the id', () => {
    const file = vgrCopy();
    const [first, second] = file.priorityAreas.areas;
    if (!first || !second) throw new Error('fixture has too few areas');
    second.id = first.id;
    expect(problemsOf(file).join('\n')).toMatch(/Priority area id "digitalisering" is used more/);
  });

  it('when no dialogue writes the plan, then parsing fails', () => {
    const file = vgrCopy();
    for (const dialogue of file.dialogueCycle) dialogue.writesPlan = false;
    expect(problemsOf(file).join('\n')).toMatch(/No dialogue type writes the individual plan/);
  });

  it('when a key is misspelt, then parsing fails instead of silently dropping it', () => {
    const file = { ...vgrCopy(), remindrPolicy: {} };
    expect(problemsOf(file).join('\n')).toMatch(/remindrPolicy/);
  });

  it('when a region replaces the default prompts but leaves a principle without any, then parsing fails', () => {
    const file = vgrCopy();
    file.reflectionPrompts.useDefaults = false;
    const problems = problemsOf(file);
    // The one VGR prompt covers sustainable preparation; the other eleven pairs are open.
    expect(problems).toHaveLength(11);
    expect(problems).toContain(
      'reflectionPrompts.prompts: No reflection prompt for principle "inclusive" in context "everyday"',
    );
  });

  it('when a region leaves out the reminder policy, then it gets the defaults', () => {
    const file: Record<string, unknown> = vgrCopy();
    delete file.reminderPolicy;
    expect(parseProfile(file).reminderPolicy).toEqual({
      employeeWorkingDaysBefore: [10, 2],
      managerWorkingDaysBefore: [2],
      afterDialogueWorkingDays: 1,
      workingHours: { start: '08:00', end: '17:00' },
      timeZone: 'Europe/Stockholm',
    });
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Umeå' }, /Unknown IANA time zone/],
    [
      'working hours that end before they start',
      { workingHours: { start: '17:00', end: '08:00' } },
      /start before they end/,
    ],
    ['a repeated reminder day', { employeeWorkingDaysBefore: [2, 2] }, /must not repeat/],
    ['a nudge more than 10 working days after', { afterDialogueWorkingDays: 11 }, /<=10/],
  ])('when the reminder policy has %s, then parsing fails', (_case, change, message) => {
    const file = vgrCopy();
    Object.assign(file.reminderPolicy, change);
    expect(problemsOf(file).join('\n')).toMatch(message);
  });

  it('when the same region is registered twice, then the registry refuses it', () => {
    const vgr: OrganisationProfile = getProfile('vgr');
    expect(() => createProfileRegistry([vgr, vgr])).toThrow(/"vgr" is registered twice/);
  });

  it('when a region file is added to the shipped ones, then the registry serves it', () => {
    const file = {
      ...vgrCopy(),
      id: 'region-test',
      name: { sv: 'Region Test', en: 'Region Test' },
    };
    const registry = createProfileRegistry([...listProfiles(), parseProfile(file)]);
    expect(registry.getProfile('region-test').name.sv).toBe('Region Test');
    expect(registry.listProfiles()).toHaveLength(3);
  });
});
