import { execFileSync } from 'node:child_process';
import { parseEnvFile, readRepoFile, repoRoot } from './infraFiles';

/** Env files in the repository: values only, secrets belong in the gitignored .user files. */
const COMMITTED_ENV_FILES = ['env/.env.dev', 'env/.env.dev.user.example', '.env.example'];

/** Names that hold a secret, in the toolkit's and the service's conventions. */
const SECRET_NAME = /^SECRET_|PASSWORD|SECRET$|TOKEN$|_KEY$|CONNECTION_STRING/;

/** Values that look like a credential whatever the name. */
const SECRET_VALUE = [
  /^[A-Za-z0-9~._-]{3}\dQ~[A-Za-z0-9~._-]{30,}$/, // Entra client secret
  /:\/\/[^/\s:]+:[^@\s]+@/, // a URL with a password
  /AccountKey=|SharedAccessSignature|sig=/i,
  /-----BEGIN/,
  /^[A-Za-z0-9+/]{40,}={0,2}$/, // long base64
];

function isIgnored(file: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '--quiet', '--no-index', file], { cwd: repoRoot });
    return true;
  } catch {
    return false;
  }
}

describe('environment files', () => {
  it.each(['env/.env.dev.user', 'env/.env.prod.user', '.env'])(
    'when %s is written on a deployer machine, then git ignores it',
    (file) => {
      expect(isIgnored(file)).toBe(true);
    },
  );

  it.each(COMMITTED_ENV_FILES)('when %s is committed, then git does not ignore it', (file) => {
    expect(isIgnored(file)).toBe(false);
  });

  it.each(COMMITTED_ENV_FILES)('when %s is read, then no secret has a value in it', (file) => {
    const values = parseEnvFile(readRepoFile(file));
    expect(values.size).toBeGreaterThan(3);
    for (const [name, value] of values) {
      if (SECRET_NAME.test(name)) expect({ name, value }).toEqual({ name, value: '' });
      for (const pattern of SECRET_VALUE)
        expect({ name, suspicious: pattern.test(value) }).toEqual({ name, suspicious: false });
    }
  });

  it('when the toolkit keeps secrets, then they are named SECRET_ and live only in the .user file', () => {
    const dev = parseEnvFile(readRepoFile('env/.env.dev'));
    const user = parseEnvFile(readRepoFile('env/.env.dev.user.example'));
    expect([...dev.keys()].filter((name) => name.startsWith('SECRET_'))).toEqual([]);
    expect([...user.keys()].every((name) => name.startsWith('SECRET_'))).toBe(true);
    expect([...user.keys()]).toEqual(
      expect.arrayContaining([
        'SECRET_BOT_PASSWORD',
        'SECRET_POSTGRES_ADMIN_PASSWORD',
        'SECRET_POSTGRES_APP_PASSWORD',
      ]),
    );
  });

  it('when the secret detector meets a real-looking secret, then it flags it', () => {
    const samples = [
      'abc8Q~' + 'x'.repeat(34),
      'postgres://kompetensdialog_app:hunter2@host:5432/db',
      'DefaultEndpointsProtocol=https;AccountKey=abc',
    ];
    for (const sample of samples)
      expect(SECRET_VALUE.some((pattern) => pattern.test(sample))).toBe(true);
  });
});
