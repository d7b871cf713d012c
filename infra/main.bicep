// Kompetensdialog on Azure: App Service (Linux container) with a user-assigned managed identity,
// Azure Bot (single tenant, Teams channel), PostgreSQL Flexible Server, Key Vault, Log Analytics
// and Application Insights, and a container registry. Deployed by `teamsapp provision`
// (teamsapp.yml, arm/deploy) with main.parameters.json; step by step in README.md,
// "Deployment to Azure".

targetScope = 'resourceGroup'

@minLength(3)
@maxLength(20)
@description('Lower-case letters, digits and hyphens; names every resource, e.g. kompdialog-prod')
param resourceBaseName string

param location string = resourceGroup().location

@minLength(36)
@maxLength(36)
@description('Client id of the single-tenant Entra app registration: the bot and the tab\'s SSO')
param botAppId string

@minLength(36)
@maxLength(36)
@description('The region\'s Entra tenant')
param botTenantId string = tenant().tenantId

@secure()
@minLength(1)
@description('Client secret of that app registration; stored in Key Vault only')
param botPassword string

@minLength(36)
@maxLength(36)
@description('The Teams app id of the app package (teamsApp/create writes it)')
param teamsAppId string

// The service refuses to start without it (PLAN_STORE=graph), so the deployment does too.
@minLength(3)
@description('The SharePoint site granted to the app with Sites.Selected: host:/sites/name')
param graphSiteId string

@allowed([
  'client-secret'
  'managed-identity'
])
@description('How Graph is read: the app registration\'s secret, or the managed identity (its service principal then needs the Graph permissions and the site grant)')
param graphCredential string = 'client-secret'

@allowed([
  'off'
  'graph'
])
@description('Outlook meetings for booked dialogues (needs Calendars.ReadWrite)')
param calendar string = 'graph'

@description('Organisation profile for people the directory does not place: vgr or vasterbotten')
param defaultProfile string = 'vgr'

@description('Administrator login of the PostgreSQL server (not used by the app)')
param postgresAdminLogin string = 'kdadmin'

@secure()
@minLength(8)
param postgresAdminPassword string

@description('The login role the app connects as (created by infra/sql/create-app-role.sql)')
param postgresAppRole string = 'kompetensdialog_app'

@secure()
@minLength(8)
param postgresAppPassword string

@description('Optional Entra group administering PostgreSQL (object id and display name)')
param postgresEntraAdminGroupObjectId string = ''
param postgresEntraAdminGroupName string = ''

@secure()
@description('Bearer token (32+ characters) for GET /ops/reminders; empty = no such route')
param opsToken string = ''

@description('App Service plan SKU')
param appServiceSku string = 'P0v3'

@minValue(1)
@maxValue(10)
@description('Instances of the service; the Teams send rate (50/s per tenant) is split between them')
param instanceCount int = 2

@description('Image to run; empty before the first `teamsapp deploy` pushed one')
param containerImage string = ''

param tags object = {
  application: 'kompetensdialog'
}

var suffix = take(uniqueString(subscription().id, resourceGroup().id, resourceBaseName), 6)
var webAppName = 'app-${resourceBaseName}-${suffix}'
// Known before the site exists, so the app settings and the bot endpoint can name it.
var appHost = '${webAppName}.azurewebsites.net'
var publicUrl = 'https://${appHost}'
var databaseName = 'kompetensdialog'
// Until the first deploy pushes the image, App Service runs a placeholder that answers nothing.
var image = empty(containerImage) ? 'mcr.microsoft.com/appsvc/staticsite:latest' : containerImage

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${resourceBaseName}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${resourceBaseName}'
    applicationInsightsName: 'appi-${resourceBaseName}'
    location: location
    tags: tags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    name: 'cr${replace(resourceBaseName, '-', '')}${suffix}'
    location: location
    tags: tags
    pullPrincipalId: identity.outputs.principalId
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: 'psql-${resourceBaseName}-${suffix}'
    location: location
    tags: tags
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    databaseName: databaseName
    entraAdminGroupObjectId: postgresEntraAdminGroupObjectId
    entraAdminGroupName: postgresEntraAdminGroupName
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    name: 'kv-${take(resourceBaseName, 14)}-${suffix}'
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    botPassword: botPassword
    // The app role, never the administrator; TLS required.
    databaseUrl: 'postgres://${postgresAppRole}:${uriComponent(postgresAppPassword)}@${postgres.outputs.host}:5432/${databaseName}?sslmode=require'
    opsToken: opsToken
  }
}

// The service's settings: every name is a variable of bot/config.ts (tests/infra hold this).
// Secrets are Key Vault references resolved by App Service with the managed identity.
var appSettings = {
  NODE_ENV: 'production'
  PORT: '3978'
  PUBLIC_URL: publicUrl
  LOG_LEVEL: 'info'
  MICROSOFT_APP_TYPE: 'SingleTenant'
  MICROSOFT_APP_ID: botAppId
  MICROSOFT_APP_TENANT_ID: botTenantId
  MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.botPasswordSecretUri})'
  TEAMS_APP_ID: teamsAppId
  DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.databaseUrlSecretUri})'
  DEFAULT_PROFILE: defaultProfile
  DEMO_ORGANISATION: 'false'
  DIRECTORY: 'graph'
  PLAN_STORE: 'graph'
  GRAPH_SITE_ID: graphSiteId
  CALENDAR: calendar
  GRAPH_CREDENTIAL: graphCredential
  GRAPH_CLIENT_ID: graphCredential == 'managed-identity' ? identity.outputs.clientId : botAppId
  REMINDERS: 'on'
  REMINDER_SEND_RATE: string(50 / instanceCount)
}

var opsSettings = empty(opsToken) ? {} : {
  OPS_TOKEN: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.opsTokenSecretUri})'
}

module app 'modules/appService.bicep' = {
  name: 'app'
  params: {
    name: webAppName
    planName: 'plan-${resourceBaseName}'
    location: location
    tags: tags
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    image: image
    appSettings: union(appSettings, opsSettings)
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
  // Key Vault references and the image pull need the role assignments in place first.
  dependsOn: [
    keyVault
    registry
  ]
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${resourceBaseName}-${suffix}'
    tags: tags
    botAppId: botAppId
    botTenantId: botTenantId
    appHost: appHost
  }
}

// Written by teamsapp's arm/deploy into env/.env.<environment> under these names.
output PUBLIC_URL string = publicUrl
output BOT_DOMAIN string = appHost
output AZURE_WEB_APP_NAME string = app.outputs.name
output AZURE_WEB_APP_RESOURCE_ID string = app.outputs.id
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_REGISTRY_LOGIN_SERVER string = registry.outputs.loginServer
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_POSTGRES_HOST string = postgres.outputs.host
output AZURE_POSTGRES_DATABASE string = postgres.outputs.databaseName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_BOT_NAME string = bot.outputs.name
