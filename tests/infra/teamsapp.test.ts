import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { HR_APP_ROLE } from '../../bot/api/appRoles';
import { parseEnvFile, readRepoFile, repoRoot, toolkitPlaceholders } from './infraFiles';

interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

interface TeamsAppYaml {
  version: string;
  environmentFolderPath: string;
  provision: Action[];
  deploy: Action[];
  publish: Action[];
}

const teamsApp = parse(readRepoFile('teamsapp.yml')) as TeamsAppYaml;
const lifecycles = ['provision', 'deploy', 'publish'] as const;
const allActions = lifecycles.flatMap((stage) => teamsApp[stage]);

/** Actions of the Teams Toolkit / Microsoft 365 Agents Toolkit v1.x project file. */
const KNOWN_ACTIONS = new Set([
  'aadApp/create',
  'aadApp/update',
  'arm/deploy',
  'teamsApp/create',
  'teamsApp/update',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
  'teamsApp/validateAppPackage',
  'teamsApp/publishAppPackage',
  'cli/runNpmCommand',
  'script',
]);

/** Variables the toolkit itself supplies or asks for. */
const TOOLKIT_BUILT_INS = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];

/** Read from the packager's source: importing it loads the manifest schemas, which this suite does not need. */
const PACKAGE_FILE_NAME = /export const PACKAGE_FILE_NAME = '([^']+)'/.exec(
  readRepoFile('manifest/appPackage.ts'),
)?.[1];

const envDev = parseEnvFile(readRepoFile('env/.env.dev'));
const envUserExample = parseEnvFile(readRepoFile('env/.env.dev.user.example'));

describe('teamsapp.yml', () => {
  it('when the toolkit reads it, then it is a v1.x project file with all three lifecycles', () => {
    expect(teamsApp.version).toMatch(/^v1\.\d+$/);
    expect(existsSync(path.join(repoRoot, teamsApp.environmentFolderPath))).toBe(true);
    for (const stage of lifecycles) expect(teamsApp[stage].length).toBeGreaterThan(0);
    expect(
      allActions.map((action) => action.uses).filter((uses) => !KNOWN_ACTIONS.has(uses)),
    ).toEqual([]);
  });

  it('when provisioning, then arm/deploy deploys infra/main.bicep with its parameters file', () => {
    const armDeploy = teamsApp.provision.find((action) => action.uses === 'arm/deploy');
    const templates = armDeploy?.with?.templates as {
      path: string;
      parameters: string;
      deploymentName: string;
    }[];
    expect(templates).toHaveLength(1);
    const [template] = templates;
    expect(template?.path).toBe('./infra/main.bicep');
    expect(existsSync(path.join(repoRoot, template?.path ?? ''))).toBe(true);
    expect(existsSync(path.join(repoRoot, template?.parameters ?? ''))).toBe(true);
    expect(template?.deploymentName).toBeTruthy();
  });

  it('when a script action runs a file, then the file exists', () => {
    const scripts = allActions.filter((action) => action.uses === 'script');
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const action of scripts) {
      const file = /^bash (\S+)$/.exec(String(action.with?.run))?.[1];
      expect(file).toBeDefined();
      expect(existsSync(path.join(repoRoot, file ?? ''))).toBe(true);
    }
  });

  it('when deploying, then the image is built and run by infra/scripts/deploy.sh', () => {
    expect(teamsApp.deploy.map((action) => action.with?.run)).toContain(
      'bash ./infra/scripts/deploy.sh',
    );
  });

  it('when publishing, then the package npm run package writes is validated and sent to the admin center', () => {
    expect(PACKAGE_FILE_NAME).toMatch(/\.zip$/);
    const packagePath = `./dist/appPackage/${PACKAGE_FILE_NAME}`;
    const uses = teamsApp.publish.map((action) => action.uses);
    expect(uses.indexOf('script')).toBeLessThan(uses.indexOf('teamsApp/validateAppPackage'));
    expect(uses.indexOf('teamsApp/validateAppPackage')).toBeLessThan(
      uses.indexOf('teamsApp/publishAppPackage'),
    );
    for (const action of allActions.filter(
      (a) => a.uses.startsWith('teamsApp/') && a.with?.appPackagePath,
    )) {
      expect(action.with?.appPackagePath).toBe(packagePath);
    }
    expect(readRepoFile('infra/scripts/package.sh')).toMatch(/npm run --silent package/);
  });

  it('when a file the toolkit fills names a ${{VARIABLE}}, then an env file or an earlier action defines it', () => {
    const written = new Set(
      allActions.flatMap((action) => Object.values(action.writeToEnvironmentFile ?? {})),
    );
    const defined = new Set([
      ...envDev.keys(),
      ...envUserExample.keys(),
      ...written,
      ...TOOLKIT_BUILT_INS,
    ]);
    const filled = ['teamsapp.yml', 'infra/main.parameters.json', 'infra/entra/aad.manifest.json'];
    const used = filled.flatMap((file) =>
      toolkitPlaceholders(readRepoFile(file)).map((name) => ({ file, name })),
    );
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter(({ name }) => !defined.has(name))).toEqual([]);
  });

  it('when the Entra app is updated, then it is single-tenant with the SSO URI, the Teams clients and the HR role', () => {
    const manifest = JSON.parse(readRepoFile('infra/entra/aad.manifest.json')) as {
      signInAudience: string;
      identifierUris: string[];
      oauth2Permissions: { value: string; id: string }[];
      preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
      appRoles: { value: string; allowedMemberTypes: string[] }[];
      requiredResourceAccess: { resourceAccess: { id: string; type: string }[] }[];
    };
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
    // As bot/config.ts's applicationIdUri(): api://<host of PUBLIC_URL>/<MICROSOFT_APP_ID>.
    expect(manifest.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{BOT_ID}}']);
    const scope = manifest.oauth2Permissions.find(
      (permission) => permission.value === 'access_as_user',
    );
    expect(scope).toBeDefined();
    // Teams desktop/mobile and Teams web.
    expect(manifest.preAuthorizedApplications.map((app) => app.appId).sort()).toEqual([
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ]);
    for (const app of manifest.preAuthorizedApplications)
      expect(app.permissionIds).toEqual([scope?.id]);
    // The value the tab API maps to the HR role (bot/api/appRoles.ts).
    expect(manifest.appRoles.map((role) => role.value)).toEqual([HR_APP_ROLE]);
    // User.Read.All, Sites.Selected, Calendars.ReadWrite: application permissions only.
    expect(manifest.requiredResourceAccess[0]?.resourceAccess).toEqual([
      { id: 'df021288-bdef-4463-88db-98f22de89214', type: 'Role' },
      { id: '883ea226-0bf2-4a8f-9f9d-92c9162a727d', type: 'Role' },
      { id: 'ef54d2bf-783f-4e0f-bca1-3210c0444d99', type: 'Role' },
    ]);
  });
});
