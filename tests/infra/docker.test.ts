import { readRepoFile } from './infraFiles';

interface Stage {
  from: string;
  name: string;
  lines: string[];
}

/** The Dockerfile's stages with their instructions, continuation lines joined. */
function stages(dockerfile: string): Stage[] {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const result: Stage[] = [];
  for (const line of instructions) {
    const from = /^FROM (\S+)(?: AS (\S+))?$/i.exec(line);
    if (from) result.push({ from: from[1] as string, name: from[2] ?? '', lines: [] });
    else result.at(-1)?.lines.push(line);
  }
  return result;
}

const dockerfile = readRepoFile('Dockerfile');
const all = stages(dockerfile);
const runtime = all.at(-1) as Stage;
const runtimeLines = runtime.lines;

describe('Dockerfile', () => {
  it('when built, then a build stage with dev dependencies feeds a separate runtime stage on Node 20', () => {
    expect(all.map((stage) => stage.name)).toEqual(['build', 'runtime']);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20[-\w.]*slim$/m);
    const buildLines = all[0]?.lines ?? [];
    expect(buildLines).toContain('RUN npm ci --no-audit --no-fund');
    expect(buildLines).toContain('RUN npm run build');
  });

  it('when the runtime stage installs packages, then it omits dev dependencies', () => {
    const installs = runtimeLines.filter((line) => /\bnpm (ci|install)\b/.test(line));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/npm ci --omit=dev/);
  });

  it('when the runtime stage copies from the build, then only the built service and tab come over', () => {
    const copies = runtimeLines.filter((line) => line.startsWith('COPY --from=build'));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies)
      expect(copy).toMatch(/^COPY --from=build \/app\/dist\/(bot|core|tab) dist\/\1$/);
    // Sources, tests and node_modules with dev dependencies never reach the image.
    expect(runtimeLines.filter((line) => /^COPY (?!--from)/.test(line))).toEqual([
      'COPY package.json package-lock.json ./',
    ]);
  });

  it('when the container runs, then it runs as a non-root user, with node itself as PID 1', () => {
    const user = runtimeLines.filter((line) => line.startsWith('USER '));
    expect(user).toHaveLength(1);
    expect(user[0]).not.toMatch(/^USER (root|0)(:|$)/);
    const userAt = runtimeLines.indexOf(user[0] as string);
    const cmdAt = runtimeLines.findIndex((line) => line.startsWith('CMD '));
    expect(userAt).toBeLessThan(cmdAt);
    expect(runtimeLines[cmdAt]).toMatch(/^CMD \["node", .*"dist\/bot\/main\.js"\]$/);
  });

  it('when Docker checks health, then it asks /healthz on the port the service listens on', () => {
    const healthcheck = runtimeLines.find((line) => line.startsWith('HEALTHCHECK'));
    expect(healthcheck).toContain('/healthz');
    expect(healthcheck).toContain('process.env.PORT');
    expect(runtimeLines).toContain('EXPOSE 3978');
    expect(runtimeLines.some((line) => /PORT=3978/.test(line))).toBe(true);
  });
});

describe('.dockerignore', () => {
  const patterns = readRepoFile('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it.each([
    '**/.env',
    '**/.env.*',
    'env/',
    '*.user',
    'tests/',
    'node_modules/',
    'dist/',
    'data/',
    '.git/',
    'infra/',
  ])('when the build context is sent, then %s stays out', (pattern) => {
    expect(patterns).toContain(pattern);
  });

  it('when it lists exceptions, then none lets an env file back in', () => {
    expect(patterns.filter((pattern) => pattern.startsWith('!') && /env/.test(pattern))).toEqual(
      [],
    );
  });
});
