// The Azure Bot registration: single-tenant, the region's own Entra app, Teams channel on.
// Teams reaches the service at https://<app host>/api/messages.

@description('Bot resource name (2-64 characters)')
param name string

param tags object

@description('Display name shown in the Azure portal')
param displayName string = 'Kompetensdialog'

@description('Client id of the single-tenant Entra app registration (MICROSOFT_APP_ID)')
param botAppId string

@description('The Entra tenant of that app (MICROSOFT_APP_TENANT_ID)')
param botTenantId string

@description('The app\'s https host, e.g. app-x.azurewebsites.net')
param appHost string

@allowed([
  'F0'
  'S1'
])
@description('F0 is free; Teams is a standard channel, so F0 is not limited in messages')
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${appHost}/api/messages'
    msaAppId: botAppId
    msaAppTenantId: botTenantId
    msaAppType: 'SingleTenant'
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output name string = bot.name
