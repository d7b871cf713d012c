// The app's user-assigned managed identity: it pulls the image from the registry and reads the
// Key Vault references in the app settings. (Graph too, when graphCredential is managed-identity.)

@description('Name of the managed identity')
param name string

param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
