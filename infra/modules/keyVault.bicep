// Key Vault for the app's secrets, RBAC only (no access policies). The app's identity gets
// "Key Vault Secrets User" and reads them through Key Vault references in its app settings,
// so no secret is ever an app setting's plain value.

@description('Vault name: 3-24 characters, globally unique')
param name string

param location string
param tags object

@description('Principal id of the app\'s managed identity')
param readerPrincipalId string

param logAnalyticsWorkspaceId string

@secure()
@description('The bot\'s Entra app client secret (MICROSOFT_APP_PASSWORD)')
param botPassword string

@secure()
@description('The PostgreSQL connection string of the app role (DATABASE_URL)')
param databaseUrl string

@secure()
@description('OPS_TOKEN; empty = no /ops routes and no secret')
param opsToken string = ''

var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: botPassword
    contentType: 'Entra client secret of the bot app registration'
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: databaseUrl
    contentType: 'postgres:// URL of the app role (not the server admin)'
  }
}

resource opsTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(opsToken)) {
  parent: vault
  name: 'ops-token'
  properties: {
    value: opsToken
    contentType: 'Bearer token for GET /ops/reminders'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

// Who read which secret, and when: the audit a data-protection officer asks for.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

output name string = vault.name
// Versionless URIs: a rotated secret reaches the app on its next restart without a redeploy.
output botPasswordSecretUri string = botPasswordSecret.properties.secretUri
output databaseUrlSecretUri string = databaseUrlSecret.properties.secretUri
output opsTokenSecretUri string = empty(opsToken) ? '' : opsTokenSecret.properties.secretUri
