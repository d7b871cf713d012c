import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../bot/config';
import {
  bicepLiteral,
  bicepModulePaths,
  bicepOutputs,
  bicepParams,
  bicepResourceTypes,
  bicepSettingBlocks,
  readRepoFile,
  repoRoot,
} from './infraFiles';

const mainBicep = readRepoFile('infra/main.bicep');
const appServiceBicep = readRepoFile('infra/modules/appService.bicep');
const parametersFile = JSON.parse(readRepoFile('infra/main.parameters.json')) as {
  parameters: Record<string, { value: unknown }>;
};
const appSettings = bicepSettingBlocks(mainBicep);
const configVariables: readonly string[] = CONFIG_VARIABLES;

/** Secrets must reach the app as Key Vault references, never as plain values. */
const SECRET_SETTINGS = [
  'MICROSOFT_APP_PASSWORD',
  'DATABASE_URL',
  'OPS_TOKEN',
  'GRAPH_CLIENT_SECRET',
];
const KEY_VAULT_REFERENCE = /^'@Microsoft\.KeyVault\(SecretUri=\$\{[\w.]+\}\)'$/;

/**
 * What a deployment resolves the non-literal settings to (parameters, outputs of other
 * resources) and what Key Vault holds: stand-ins of the right shape, so the settings can be
 * run through the real configuration module. Literal values in the Bicep are used as written.
 */
const DEPLOYMENT_VALUES: Record<string, string> = {
  PUBLIC_URL: 'https://app-kompdialog-prod-abc123.azurewebsites.net',
  MICROSOFT_APP_ID: '2f0d8c1e-5b7a-4c3d-9e8f-1a2b3c4d5e6f',
  MICROSOFT_APP_TENANT_ID: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  MICROSOFT_APP_PASSWORD: 'stand-in-for-the-key-vault-secret',
  TEAMS_APP_ID: '0b8e5f3a-2c4d-4e6f-8a9b-0c1d2e3f4a5b',
  DATABASE_URL:
    'postgres://kompetensdialog_app:pw@psql-kompdialog-prod.postgres.database.azure.com:5432/kompetensdialog?sslmode=require',
  DEFAULT_PROFILE: 'vgr',
  GRAPH_SITE_ID: 'contoso.sharepoint.com:/sites/kompetensdialog',
  CALENDAR: 'graph',
  GRAPH_CREDENTIAL: 'client-secret',
  GRAPH_CLIENT_ID: '2f0d8c1e-5b7a-4c3d-9e8f-1a2b3c4d5e6f',
  REMINDER_SEND_RATE: '25',
  OPS_TOKEN: 'x'.repeat(40),
};

/** The environment App Service gives the container, as far as the Bicep decides it. */
function deployedEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const { name, expression } of appSettings) {
    const literal = bicepLiteral(expression);
    const value = literal ?? DEPLOYMENT_VALUES[name];
    if (value === undefined) throw new Error(`No stand-in value for ${name} = ${expression}`);
    env[name] = value;
  }
  return env;
}

describe('infra/main.bicep and its parameters', () => {
  it('when main.parameters.json passes a parameter, then main.bicep declares it', () => {
    const declared = new Set(bicepParams(mainBicep).map((param) => param.name));
    const passed = Object.keys(parametersFile.parameters);
    expect(passed.length).toBeGreaterThan(0);
    expect(passed.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('when main.bicep has a parameter without a default, then main.parameters.json gives it', () => {
    const passed = new Set(Object.keys(parametersFile.parameters));
    const required = bicepParams(mainBicep).filter((param) => param.defaultValue === undefined);
    expect(required.map((param) => param.name)).toContain('botPassword');
    expect(required.map((param) => param.name).filter((name) => !passed.has(name))).toEqual([]);
  });

  it('when a Bicep file uses a module, then the module file exists beside it', () => {
    const files = ['infra/main.bicep', ...moduleFiles()];
    for (const file of files) {
      for (const modulePath of bicepModulePaths(readRepoFile(file))) {
        expect({
          file,
          modulePath,
          exists: existsSync(path.join(repoRoot, path.dirname(file), modulePath)),
        }).toEqual({
          file,
          modulePath,
          exists: true,
        });
      }
    }
    expect(bicepModulePaths(mainBicep).length).toBeGreaterThanOrEqual(6);
  });

  it('declares the Azure resources the issue asks for, each with a dated API version', () => {
    const resources = moduleFiles().flatMap((file) => bicepResourceTypes(readRepoFile(file)));
    const types = new Set(resources.map((resource) => resource.type));
    for (const type of [
      'Microsoft.Web/sites',
      'Microsoft.Web/serverfarms',
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.DBforPostgreSQL/flexibleServers',
      'Microsoft.KeyVault/vaults',
      'Microsoft.Insights/components',
      'Microsoft.OperationalInsights/workspaces',
    ]) {
      expect(types).toContain(type);
    }
    for (const resource of resources) {
      expect(resource.apiVersion).toMatch(/^\d{4}-\d{2}-\d{2}(-preview)?$/);
    }
  });
});

describe('the app settings the Bicep gives the service', () => {
  it('when the Bicep sets an app setting, then bot/config.ts reads a variable of that name', () => {
    expect(appSettings.length).toBeGreaterThan(10);
    const unknown = appSettings
      .map((entry) => entry.name)
      .filter((name) => !configVariables.includes(name));
    expect(unknown).toEqual([]);
  });

  it("when App Service's own switches are set, then they are platform settings the app never reads", () => {
    const platform = bicepSettingBlocks(appServiceBicep);
    expect(platform.map((entry) => entry.block)).toContain('platformSettings');
    for (const { name } of platform) {
      expect(name).toMatch(/^WEBSITES?_/);
      expect(configVariables).not.toContain(name);
    }
    // The site's settings are the app's object and these switches, nothing written inline.
    expect(appServiceBicep).toMatch(
      /appSettings: \[for setting in items\(union\(appSettings, platformSettings\)\)/,
    );
  });

  it('when a setting is a secret, then its value is a Key Vault reference', () => {
    const secrets = appSettings.filter((entry) => SECRET_SETTINGS.includes(entry.name));
    expect(secrets.map((entry) => entry.name).sort()).toEqual([
      'DATABASE_URL',
      'MICROSOFT_APP_PASSWORD',
      'OPS_TOKEN',
    ]);
    for (const { name, expression } of secrets) {
      expect({ name, keyVaultReference: KEY_VAULT_REFERENCE.test(expression) }).toEqual({
        name,
        keyVaultReference: true,
      });
    }
  });

  it('when the deployed settings are loaded by bot/config.ts, then the service starts in production with plans, people and meetings in Microsoft 365', () => {
    const config = loadConfig(deployedEnvironment());
    expect(config.environment).toBe('production');
    expect(config.publicUrl.startsWith('https://')).toBe(true);
    expect(config.bot?.appType).toBe('SingleTenant');
    expect(config.sso).toBeDefined();
    expect(config.storage.kind).toBe('postgres');
    expect(config.demoOrganisation).toBe(false);
    expect(config.planStore.kind).toBe('graph');
    expect(config.directory.kind).toBe('graph');
    expect(config.calendar.kind).toBe('graph');
    expect(config.graph).toBeDefined();
  });

  it.each(['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'PUBLIC_URL', 'GRAPH_SITE_ID'])(
    'when %s were missing from the settings, then the service would refuse to start (so the check above means something)',
    (name) => {
      const env = deployedEnvironment();
      expect(env[name]).toBeDefined();
      const without = Object.fromEntries(Object.entries(env).filter(([key]) => key !== name));
      expect(() => loadConfig(without)).toThrow(ConfigError);
    },
  );

  it('when PUBLIC_URL is built, then it is the https address of the web app the bot endpoint names', () => {
    expect(appSettings.find((entry) => entry.name === 'PUBLIC_URL')?.expression).toBe('publicUrl');
    expect(mainBicep).toMatch(/^var publicUrl = 'https:\/\/\$\{appHost\}'$/m);
    expect(readRepoFile('infra/modules/bot.bicep')).toContain(
      "endpoint: 'https://${appHost}/api/messages'",
    );
  });

  it('when the send rate is set, then the 50 a second Teams allows per tenant is split between the instances', () => {
    expect(appSettings.find((entry) => entry.name === 'REMINDER_SEND_RATE')?.expression).toBe(
      'string(50 / instanceCount)',
    );
  });
});

describe('identity, secrets and the database role', () => {
  it('when the app connects to PostgreSQL, then it is as its own role and never as the server administrator', () => {
    const databaseUrl = /databaseUrl: '(postgres:\/\/[^']+)'/.exec(mainBicep)?.[1];
    expect(databaseUrl).toBeDefined();
    expect(databaseUrl).toContain('${postgresAppRole}:');
    expect(databaseUrl).not.toContain('postgresAdmin');
    expect(databaseUrl).toContain('sslmode=require');
    const sql = readRepoFile('infra/sql/create-app-role.sql');
    expect(sql).toMatch(/NOSUPERUSER NOCREATEDB NOCREATEROLE/);
    expect(sql).toMatch(/REVOKE ALL ON DATABASE %I FROM PUBLIC/);
  });

  it("when Key Vault is made, then it uses RBAC and the app's identity is a Secrets User of it", () => {
    const keyVault = readRepoFile('infra/modules/keyVault.bicep');
    expect(keyVault).toContain('enableRbacAuthorization: true');
    expect(keyVault).not.toContain('accessPolicies');
    // Key Vault Secrets User, a built-in role id.
    expect(keyVault).toContain("'4633458b-17de-408a-b874-0445c86b69e6'");
    expect(appServiceBicep).toContain('keyVaultReferenceIdentity: identityId');
    expect(appServiceBicep).toContain("type: 'UserAssigned'");
  });

  it('when the bot is registered, then it is single-tenant with the Teams channel on', () => {
    const bot = readRepoFile('infra/modules/bot.bicep');
    expect(bot).toContain("msaAppType: 'SingleTenant'");
    expect(bot).toContain("name: 'MsTeamsChannel'");
    expect(bot).toMatch(/isEnabled: true/);
  });

  it('when App Service runs the container, then it probes /healthz and pulls with the managed identity', () => {
    expect(appServiceBicep).toContain("healthCheckPath: '/healthz'");
    expect(appServiceBicep).toContain('acrUseManagedIdentityCreds: true');
    expect(appServiceBicep).toContain('httpsOnly: true');
  });

  it('when the scripts read a value provisioning writes, then main.bicep outputs it', () => {
    const outputs = new Set(bicepOutputs(mainBicep));
    const scripts = ['deploy.sh', 'package.sh', 'create-app-role.sh'].map((file) =>
      readRepoFile(`infra/scripts/${file}`),
    );
    const read = new Set(
      scripts.flatMap((script) =>
        [...script.matchAll(/\$\{(AZURE_[A-Z_]+|PUBLIC_URL)[:}]/g)].map((m) => m[1] as string),
      ),
    );
    read.delete('AZURE_RESOURCE_GROUP_NAME'); // the deployer's choice, in env/.env.<env>
    expect(read.size).toBeGreaterThan(3);
    expect([...read].filter((name) => !outputs.has(name))).toEqual([]);
  });
});

function moduleFiles(): string[] {
  return bicepModulePaths(mainBicep).map((modulePath) => path.posix.join('infra', modulePath));
}
