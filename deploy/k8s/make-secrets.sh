#!/usr/bin/env bash
# Generated from deploy/topology.yaml by deploy/k8s (Manifests). Makes the Secrets the manifests reference, with
# random passwords, in the namespace given (default hailway): each service's <name>-credentials, each
# database's hailway-db-<name> (basic-auth, for CloudNativePG's managed roles and the dev PostgreSQL), the dev
# PostgreSQL's superuser and Grafana's admin password grafana-admin (the observability component). Existing
# Secrets are left as they are, so running it again changes nothing.
#   deploy/k8s/make-secrets.sh [NAMESPACE]
set -euo pipefail
ns="${1:-hailway}"
secret() { openssl rand -base64 24 | tr -d '/+=' | cut -c1-24; }
exists() { kubectl -n "$ns" get secret "$1" >/dev/null 2>&1; }
make() { local name="$1"; shift; exists "$name" || kubectl -n "$ns" create secret generic "$name" "$@"; }
db_identity="$(exists hailway-db-identity && kubectl -n "$ns" get secret hailway-db-identity -o jsonpath='{.data.password}' | base64 -d || secret)"
client_identity="$(exists identity-credentials && kubectl -n "$ns" get secret identity-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)"
db_drivers="$(exists hailway-db-drivers && kubectl -n "$ns" get secret hailway-db-drivers -o jsonpath='{.data.password}' | base64 -d || secret)"
client_drivers="$(exists drivers-credentials && kubectl -n "$ns" get secret drivers-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)"
db_location="$(exists hailway-db-location && kubectl -n "$ns" get secret hailway-db-location -o jsonpath='{.data.password}' | base64 -d || secret)"
client_location="$(exists location-credentials && kubectl -n "$ns" get secret location-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)"
db_pricing="$(exists hailway-db-pricing && kubectl -n "$ns" get secret hailway-db-pricing -o jsonpath='{.data.password}' | base64 -d || secret)"
client_pricing="$(exists pricing-credentials && kubectl -n "$ns" get secret pricing-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)"
db_trips="$(exists hailway-db-trips && kubectl -n "$ns" get secret hailway-db-trips -o jsonpath='{.data.password}' | base64 -d || secret)"
client_trips="$(exists trips-credentials && kubectl -n "$ns" get secret trips-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)"
db_dispatch="$(exists hailway-db-dispatch && kubectl -n "$ns" get secret hailway-db-dispatch -o jsonpath='{.data.password}' | base64 -d || secret)"
client_dispatch="$(exists dispatch-credentials && kubectl -n "$ns" get secret dispatch-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)"
db_payments="$(exists hailway-db-payments && kubectl -n "$ns" get secret hailway-db-payments -o jsonpath='{.data.password}' | base64 -d || secret)"
client_payments="$(exists payments-credentials && kubectl -n "$ns" get secret payments-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)"
client_notifications="$(exists notifications-credentials && kubectl -n "$ns" get secret notifications-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)"
db_history="$(exists hailway-db-history && kubectl -n "$ns" get secret hailway-db-history -o jsonpath='{.data.password}' | base64 -d || secret)"
client_history="$(exists history-credentials && kubectl -n "$ns" get secret history-credentials -o jsonpath='{.data.HAILWAY_SECURITY_SERVICE_CLIENT_SECRET}' | base64 -d || secret)"
make hailway-postgres-superuser --from-literal=password="$(secret)"
make grafana-admin --from-literal=password="$(secret)"
make hailway-db-identity --type=kubernetes.io/basic-auth --from-literal=username=identity --from-literal=password="$db_identity"
make identity-credentials \
  --from-literal=SPRING_DATASOURCE_PASSWORD="$db_identity" \
  --from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET="$client_identity" \
  --from-literal=HAILWAY_IDENTITY_OPERATOR_PASSWORD="$(secret)" \
  --from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_IDENTITY="$client_identity" \
  --from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_DRIVERS="$client_drivers" \
  --from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_LOCATION="$client_location" \
  --from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_PRICING="$client_pricing" \
  --from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_TRIPS="$client_trips" \
  --from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_DISPATCH="$client_dispatch" \
  --from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_PAYMENTS="$client_payments" \
  --from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_NOTIFICATIONS="$client_notifications" \
  --from-literal=HAILWAY_IDENTITY_SERVICECLIENTS_HISTORY="$client_history"
make hailway-db-drivers --type=kubernetes.io/basic-auth --from-literal=username=drivers --from-literal=password="$db_drivers"
make drivers-credentials \
  --from-literal=SPRING_DATASOURCE_PASSWORD="$db_drivers" \
  --from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET="$client_drivers"
make hailway-db-location --type=kubernetes.io/basic-auth --from-literal=username=location --from-literal=password="$db_location"
make location-credentials \
  --from-literal=SPRING_DATASOURCE_PASSWORD="$db_location" \
  --from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET="$client_location"
make hailway-db-pricing --type=kubernetes.io/basic-auth --from-literal=username=pricing --from-literal=password="$db_pricing"
make pricing-credentials \
  --from-literal=SPRING_DATASOURCE_PASSWORD="$db_pricing" \
  --from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET="$client_pricing"
make hailway-db-trips --type=kubernetes.io/basic-auth --from-literal=username=trips --from-literal=password="$db_trips"
make trips-credentials \
  --from-literal=SPRING_DATASOURCE_PASSWORD="$db_trips" \
  --from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET="$client_trips"
make hailway-db-dispatch --type=kubernetes.io/basic-auth --from-literal=username=dispatch --from-literal=password="$db_dispatch"
make dispatch-credentials \
  --from-literal=SPRING_DATASOURCE_PASSWORD="$db_dispatch" \
  --from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET="$client_dispatch"
make hailway-db-payments --type=kubernetes.io/basic-auth --from-literal=username=payments --from-literal=password="$db_payments"
make payments-credentials \
  --from-literal=SPRING_DATASOURCE_PASSWORD="$db_payments" \
  --from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET="$client_payments"
make notifications-credentials \
  --from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET="$client_notifications"
make hailway-db-history --type=kubernetes.io/basic-auth --from-literal=username=history --from-literal=password="$db_history"
make history-credentials \
  --from-literal=SPRING_DATASOURCE_PASSWORD="$db_history" \
  --from-literal=HAILWAY_SECURITY_SERVICE_CLIENT_SECRET="$client_history"
echo "Secrets for Hailway are in namespace $ns (the operator's password: kubectl -n $ns get secret identity-credentials -o jsonpath='{.data.HAILWAY_IDENTITY_OPERATOR_PASSWORD}' | base64 -d)"
echo "Grafana's: kubectl -n $ns get secret grafana-admin -o jsonpath='{.data.password}' | base64 -d"
