// App Service for Linux running the container image: the bot endpoint, the tab and its API in
// one service. Several instances share PostgreSQL; App Service balances them without sticky
// sessions (nothing that must survive lives in one instance's memory).

@description('Site name; its host <name>.azurewebsites.net is the public address')
param name string

param planName string
param location string
param tags object

@description('Plan SKU: P0v3 and up give Always On, health-check eviction and enough memory')
param sku string = 'P0v3'

@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Resource id of the user-assigned managed identity')
param identityId string

@description('Client id of that identity (pulls the image)')
param identityClientId string

@description('Full image reference, e.g. cr.azurecr.io/kompetensdialog:20261126-abc123')
param image string

@description('The app\'s own settings: names from bot/config.ts only (see main.bicep)')
param appSettings object

param logAnalyticsWorkspaceId string

// App Service's own switches, read by the platform and never by the app.
var platformSettings = {
  WEBSITES_PORT: '3978'
  WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false'
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identityClientId
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [for setting in items(union(appSettings, platformSettings)): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

// No FTP or basic-auth deployment credentials: images come from the registry only.
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output id string = site.id
output host string = site.properties.defaultHostName
