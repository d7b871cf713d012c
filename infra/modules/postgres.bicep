// Azure Database for PostgreSQL Flexible Server: the operational store shared by every
// instance (conversation state, reminder queue with row locks, audit log). The app connects as
// its own login role (infra/sql/create-app-role.sql), never as the server administrator.

@description('Server name: 3-63 lower-case letters, digits and hyphens, globally unique')
param name string

param location string
param tags object

@description('The server administrator; used only to run infra/sql/create-app-role.sql')
param administratorLogin string

@secure()
param administratorPassword string

@description('The database the app uses')
param databaseName string = 'kompetensdialog'

@description('Burstable B1ms fits one region\'s load; GeneralPurpose for zone-redundant HA')
param skuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string = 'Burstable'

@description('Optional Entra group whose members may sign in as administrators (object id)')
param entraAdminGroupObjectId string = ''

@description('Display name of that group')
param entraAdminGroupName string = ''

param logAnalyticsWorkspaceId string

var entraAdmin = !empty(entraAdminGroupObjectId)

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: entraAdmin ? 'Enabled' : 'Disabled'
      tenantId: entraAdmin ? subscription().tenantId : null
    }
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource entraAdministrator 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = if (entraAdmin) {
  parent: server
  name: entraAdmin ? entraAdminGroupObjectId : 'none'
  properties: {
    principalType: 'Group'
    principalName: entraAdminGroupName
    tenantId: subscription().tenantId
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Public endpoint reachable only from Azure services (the App Service outbound addresses);
// TLS is enforced by the server's default require_secure_transport=on. A private endpoint
// with VNet integration is the stricter choice (see README, "What could not be verified").
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: server
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

output host string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
output serverName string = server.name
