#!/usr/bin/env bash
# `teamsapp deploy` (teamsapp.yml): builds the image from the repository's Dockerfile in the
# Azure Container Registry (az acr build: no local Docker needed), points the web app at it,
# and waits until /healthz answers. The image tag is the commit (plus -dirty for local changes)
# and a timestamp, so every deploy is a new, traceable image.
#
# Needs the Azure CLI signed in to the subscription (az login) and, from `teamsapp provision`,
# AZURE_CONTAINER_REGISTRY_NAME, AZURE_WEB_APP_NAME, AZURE_RESOURCE_GROUP_NAME and PUBLIC_URL
# in env/.env.<env> (Teams Toolkit passes them to this script as environment variables).
set -euo pipefail

: "${AZURE_CONTAINER_REGISTRY_NAME:?run teamsapp provision first}"
: "${AZURE_CONTAINER_REGISTRY_LOGIN_SERVER:?run teamsapp provision first}"
: "${AZURE_WEB_APP_NAME:?run teamsapp provision first}"
: "${AZURE_RESOURCE_GROUP_NAME:?set in env/.env.<env>}"
: "${PUBLIC_URL:?run teamsapp provision first}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
revision="$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo nogit)"
if [ -n "$(git -C "$root" status --porcelain 2>/dev/null)" ]; then revision="$revision-dirty"; fi
tag="$(date -u +%Y%m%d%H%M%S)-$revision"
image="$AZURE_CONTAINER_REGISTRY_LOGIN_SERVER/kompetensdialog:$tag"

echo "Building $image in $AZURE_CONTAINER_REGISTRY_NAME ..."
az acr build --registry "$AZURE_CONTAINER_REGISTRY_NAME" \
  --image "kompetensdialog:$tag" --file "$root/Dockerfile" "$root"

echo "Pointing $AZURE_WEB_APP_NAME at it ..."
az webapp config set --resource-group "$AZURE_RESOURCE_GROUP_NAME" --name "$AZURE_WEB_APP_NAME" \
  --linux-fx-version "DOCKER|$image" --output none
az webapp restart --resource-group "$AZURE_RESOURCE_GROUP_NAME" --name "$AZURE_WEB_APP_NAME"

# Re-provisioning keeps this image instead of the placeholder (main.parameters.json).
echo "::set-teamsfx-env CONTAINER_IMAGE=$image"

echo "Waiting for $PUBLIC_URL/readyz ..."
for attempt in $(seq 1 60); do
  if curl --silent --fail --max-time 5 "$PUBLIC_URL/readyz" >/dev/null; then
    echo "Ready after $attempt check(s): $PUBLIC_URL"
    exit 0
  fi
  sleep 10
done
echo "The service did not become ready within 10 minutes. Its logs:" >&2
echo "  az webapp log tail -g $AZURE_RESOURCE_GROUP_NAME -n $AZURE_WEB_APP_NAME" >&2
exit 1
