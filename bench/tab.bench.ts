import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import type { TeamPlanPageResponse } from '../bot/api/contract';
import { tabBuildDir } from '../bot/paths';
import type { Dialogue } from '../core/plan/dialogue';
import type { IndividualPlan } from '../core/plan/individualPlan';
import type { TeamPlan } from '../core/plan/teamPlan';
import { getProfile } from '../core/profiles/profiles';
import { startTestService, type TestService } from '../tests/support/inProcessService';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/machine';
import { chooseDemoUser } from '../tests/tab/teamTabSupport';
import {
  FixedDirectory,
  heldDialogue,
  individualPlan,
  seed,
  testUnit,
  thisYear,
  type TestUnit,
} from '../tests/bot/teamPlanFixtures';
import { roundMs, summarize } from './stats';

/**
 * `npm run bench:tab` (after `npm run build`): what the tab costs the people who open it.
 *
 *   1. initialJsGzipKB: the JavaScript index.html loads before anything shows – its module
 *      script and every modulepreload link, each gzipped (level 6, as web servers do).
 *   2. teamPageInteractiveMs: the channel tab of a 300-person unit in headless Chromium, as its
 *      manager: from navigation until the plan's content is visible and the edit button is
 *      enabled, measured in the page (performance.now()). Median of several cold loads, each in
 *      a fresh browser profile (no cache).
 *   3. apiTeamAggregateP95Ms: GET /api/v1/units/{unitId}/team-plan for a unit of 1,000
 *      employees with agreed plans: 200 sequential requests after 20 of warm-up; every answer
 *      is checked, so a broken API cannot look fast.
 *
 * The real service runs in this process on a fresh embedded database in a temporary folder,
 * seeded through the plan store, with a directory of the two units. Prints a table, then one
 * JSON line. Exits 0 when targets are missed (timings on a shared machine report, they do not
 * gate) and 1 only when the benchmark itself cannot run.
 */

const TARGETS = { initialJsGzipKB: 250, teamPageInteractiveMs: 1500, apiTeamAggregateP95Ms: 100 };
const SIZES = { teamPage: 300, aggregate: 1_000 } as const;
const RUNS = { pageLoads: 5, apiWarmUp: 20, apiRequests: 200 } as const;

const out = (line = '') => process.stdout.write(`${line}\n`);

// --- 1. The initial JavaScript of index.html ---------------------------------------------------

interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The module script and the modulepreload links of the built index.html, gzipped one by one. */
function initialJavaScript(buildDir: string): ScriptSize[] {
  const html = readFileSync(path.join(buildDir, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    if (tag.startsWith('<script') && attribute('type') === 'module' && attribute('src')) {
      urls.add(attribute('src') as string);
    }
    if (tag.startsWith('<link') && attribute('rel') === 'modulepreload' && attribute('href')) {
      urls.add(attribute('href') as string);
    }
  }
  if (urls.size === 0) throw new Error('dist/tab/index.html loads no module script');
  return [...urls].map((url) => {
    // Built with base /tab/: /tab/assets/x.js is dist/tab/assets/x.js.
    const file = path.join(buildDir, url.replace(/^\/tab\//, '').replace(/^\.?\//, ''));
    const content = readFileSync(file);
    return {
      file: path.relative(buildDir, file),
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 6 }).length,
    };
  });
}

// --- The organisation and its plans --------------------------------------------------------

const profile = getProfile('vgr');
const areaIds = profile.priorityAreas.areas.map((area) => area.id);
const formIds = profile.formsOfLearning.map((form) => form.id);
const pickFrom = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

/** Every employee has an agreed, current plan (1–3 areas, 2–3 activities); half a held dialogue. */
function unitData(unit: TestUnit): { plans: IndividualPlan[]; dialogues: Dialogue[] } {
  const year = thisYear();
  const plans = unit.reports.map((employee, i) =>
    individualPlan({
      employee,
      status: 'agreed',
      agreedDaysAgo: 1 + (i % 300),
      areas: [...new Set([pickFrom(areaIds, i), pickFrom(areaIds, i * 7 + 3)])].slice(
        0,
        1 + (i % 3),
      ),
      forms: [
        pickFrom(formIds, i),
        pickFrom(formIds, i * 5 + 1),
        pickFrom(formIds, i * 11 + 2),
      ].slice(0, 2 + (i % 2)),
    }),
  );
  const dialogues = unit.reports
    .filter((_, i) => i % 2 === 0)
    .map((employee) => heldDialogue(employee, year, 'held'));
  return { plans, dialogues };
}

function teamPlanOf(unit: TestUnit): TeamPlan {
  const unitGoals = Array.from({ length: 5 }, (_, i) => ({
    id: `goal-${i + 1}`,
    text: `Enhetens mål ${i + 1}: säker och nära vård med rätt kompetens`,
  }));
  return {
    id: `team-plan-${unit.unitId}`,
    unitId: unit.unitId,
    profileId: profile.id,
    year: thisYear(),
    unitGoals,
    neededCompetences: areaIds.map((areaId, i) => ({
      id: `need-${i + 1}`,
      priorityAreaId: areaId,
      unitGoalId: pickFrom(unitGoals, i).id,
      description: `Kompetensbehov ${i + 1} inom området`,
      priority: pickFrom(['high', 'medium', 'low'] as const, i),
    })),
    version: 1,
    updatedAt: new Date().toISOString(),
    updatedBy: unit.manager.id,
  };
}

// --- 2. The team page of a 300-person unit in Chromium ---------------------------------------

const EDIT_BUTTON = 'Ändra teamets plan';
const CONTENT_HEADING = 'Enhetens mål';

async function teamPageLoads(
  browser: Browser,
  service: TestService,
  unit: TestUnit,
): Promise<number[]> {
  const url =
    `${service.url}/tab/index.html#/team?unit=${encodeURIComponent(unit.unitId)}` +
    `&profile=${profile.id}`;
  const times: number[] = [];
  for (let run = 0; run < RUNS.pageLoads; run += 1) {
    const context = await browser.newContext({ locale: 'sv-SE' });
    try {
      await context.route('**/*', (route) =>
        new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
      );
      // The demo-user switcher's choice: the unit's manager, who has the edit button.
      await context.addInitScript(chooseDemoUser, unit.manager.id);
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(
        ({ heading, button, employees }) => {
          // Runs in the page; the bench has no DOM types.
          const doc = (globalThis as unknown as { document: PageDocument }).document;
          const main = doc.querySelector('main');
          if (!main) return false;
          const headings = [...main.querySelectorAll('h2')].map((h) => h.textContent);
          const edit = [...main.querySelectorAll('button')].find((b) => b.textContent === button);
          const counted = (main.textContent ?? '').includes(`${employees} medarbetare`);
          const ready =
            headings.includes(heading) &&
            counted &&
            edit !== undefined &&
            !edit.disabled &&
            edit.getAttribute('aria-disabled') !== 'true';
          return ready
            ? (globalThis as unknown as { performance: { now(): number } }).performance.now()
            : false;
        },
        { heading: CONTENT_HEADING, button: EDIT_BUTTON, employees: unit.reports.length },
        { timeout: 30_000, polling: 'raf' },
      );
      times.push((await handle.jsonValue()) as number);
    } finally {
      await context.close();
    }
  }
  return times;
}

/** The little of the DOM the page check uses. */
interface PageElement {
  textContent: string | null;
  disabled?: boolean;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
interface PageDocument {
  querySelector(selector: string): PageElement | null;
}

// --- 3. The API's team aggregate for 1,000 employees ----------------------------------------

async function teamAggregateLatencies(service: TestService, unit: TestUnit): Promise<number[]> {
  const url = `${service.url}/api/v1/units/${encodeURIComponent(unit.unitId)}/team-plan`;
  const request = async (): Promise<number> => {
    const started = performance.now();
    const response = await fetch(url, { headers: { 'X-Demo-User': unit.manager.id } });
    const body = (await response.json()) as TeamPlanPageResponse;
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`team-plan answered ${response.status}`);
    if (body.coverage?.employees !== unit.reports.length) {
      throw new Error(`team-plan counted ${body.coverage?.employees ?? 'no'} employees`);
    }
    if (body.plannedNeeds?.plans !== unit.reports.length || !body.canEdit) {
      throw new Error('team-plan did not count every agreed plan for the manager');
    }
    return elapsed;
  };
  for (let i = 0; i < RUNS.apiWarmUp; i += 1) await request();
  const latencies: number[] = [];
  for (let i = 0; i < RUNS.apiRequests; i += 1) latencies.push(await request());
  return latencies;
}

// --- The run --------------------------------------------------------------------------------

async function main(): Promise<void> {
  const buildDir = tabBuildDir();
  if (!existsSync(path.join(buildDir, 'index.html'))) {
    process.stderr.write(
      `bench:tab needs the built tab: ${path.join(buildDir, 'index.html')} is missing.\n` +
        'Run npm run build first (this benchmark builds nothing itself).\n',
    );
    process.exitCode = 1;
    return;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  }

  out('bench:tab – the tab as the people who open it meet it');
  out();
  const scripts = initialJavaScript(buildDir);
  const gzipBytes = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
  const initialJsGzipKB = Math.round((gzipBytes / 1024) * 10) / 10;
  out('1. Initial JavaScript of index.html (module script + modulepreload), gzip level 6');
  for (const script of scripts) {
    out(
      `   ${script.file.padEnd(44)} ${(script.bytes / 1024).toFixed(1).padStart(8)} KB` +
        ` → ${(script.gzipBytes / 1024).toFixed(1).padStart(7)} KB gz`,
    );
  }
  out(
    `   ${'total'.padEnd(44)} ${' '.repeat(11)}   ${initialJsGzipKB.toFixed(1).padStart(7)} KB gz`,
  );
  out();

  const teamUnit = testUnit('bench', SIZES.teamPage);
  const aggregateUnit = testUnit('aggregate', SIZES.aggregate);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kd-bench-tab-'));
  let service: TestService | undefined;
  let browser: Browser | undefined;
  try {
    const seedStarted = performance.now();
    const team = unitData(teamUnit);
    const aggregate = unitData(aggregateUnit);
    await seed(dataDir, {
      plans: [...team.plans, ...aggregate.plans],
      dialogues: [...team.dialogues, ...aggregate.dialogues],
      teamPlans: [teamPlanOf(teamUnit), teamPlanOf(aggregateUnit)],
    });
    out(
      `   seeded ${team.plans.length + aggregate.plans.length} agreed plans and ` +
        `${team.dialogues.length + aggregate.dialogues.length} dialogues through the plan store ` +
        `in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    service = await startTestService(
      { DATA_DIR: dataDir, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' },
      { directory: new FixedDirectory([teamUnit, aggregateUnit]) },
    );

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const loads = await teamPageLoads(browser, service, teamUnit);
    const pageSummary = summarize(loads);
    const teamPageInteractiveMs = Math.round(pageSummary.p50 ?? Number.NaN);
    out(
      `2. Team page of a ${SIZES.teamPage}-person unit, navigation → content visible and ` +
        `"${EDIT_BUTTON}" enabled (${RUNS.pageLoads} cold loads, headless Chromium)`,
    );
    out(`   ${loads.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
    out(`   median ${teamPageInteractiveMs} ms, max ${Math.round(pageSummary.max ?? 0)} ms`);
    out();

    const latencies = await teamAggregateLatencies(service, aggregateUnit);
    const api = summarize(latencies);
    const apiTeamAggregateP95Ms = roundMs(api.p95) ?? Number.NaN;
    out(
      `3. GET /api/v1/units/{unitId}/team-plan, ${SIZES.aggregate} employees, ` +
        `${RUNS.apiRequests} sequential requests after ${RUNS.apiWarmUp} of warm-up`,
    );
    out(
      `   p50 ${roundMs(api.p50)} ms, p95 ${apiTeamAggregateP95Ms} ms, ` +
        `p99 ${roundMs(api.p99)} ms, max ${roundMs(api.max)} ms`,
    );
    out();

    const targetsMet = {
      initialJsUnder250KB: initialJsGzipKB < TARGETS.initialJsGzipKB,
      teamPageInteractiveUnder1500Ms: teamPageInteractiveMs < TARGETS.teamPageInteractiveMs,
      apiTeamAggregateP95Under100Ms: apiTeamAggregateP95Ms < TARGETS.apiTeamAggregateP95Ms,
    };
    const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
    out('Targets');
    out(
      `  initial JS under ${TARGETS.initialJsGzipKB} KB gz: ${initialJsGzipKB} KB — ` +
        verdict(targetsMet.initialJsUnder250KB),
    );
    out(
      `  team page interactive under ${TARGETS.teamPageInteractiveMs} ms: ` +
        `${teamPageInteractiveMs} ms — ${verdict(targetsMet.teamPageInteractiveUnder1500Ms)}`,
    );
    out(
      `  team aggregate p95 under ${TARGETS.apiTeamAggregateP95Ms} ms: ` +
        `${apiTeamAggregateP95Ms} ms — ${verdict(targetsMet.apiTeamAggregateP95Under100Ms)}`,
    );
    out(
      JSON.stringify({
        initialJsGzipKB,
        teamPageInteractiveMs,
        teamPageInteractiveMaxMs: Math.round(pageSummary.max ?? 0),
        apiTeamAggregateP50Ms: roundMs(api.p50),
        apiTeamAggregateP95Ms,
        teamPageEmployees: SIZES.teamPage,
        aggregateEmployees: SIZES.aggregate,
        targets: TARGETS,
        targetsMet,
      }),
    );
  } finally {
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:tab could not run: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
