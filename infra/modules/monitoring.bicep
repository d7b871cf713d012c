// Log Analytics (the service's JSON logs from stdout, HTTP logs, Key Vault and PostgreSQL audit
// events) and a workspace-based Application Insights resource beside it.

param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object

@description('Days the logs are kept; they hold no personal data beyond ids (see README)')
@minValue(30)
@maxValue(730)
param retentionInDays int = 90

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output workspaceId string = workspace.id
output applicationInsightsName string = applicationInsights.name
