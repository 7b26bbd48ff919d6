#!/usr/bin/env bash
# Obtain a Let's Encrypt certificate (HTTP-01, webroot) for every platform and desa domain that has none,
# write one nginx server block per certificate, renew what is due, reload nginx.
# A desa whose DNS does not point here yet is reported and retried on the next run (systemd timer).
set -uo pipefail
cd "$(dirname "$0")/.."
SITES=/etc/nginx/desa-digital/sites
WEBROOT=/var/www/certbot
EMAIL="${CERTBOT_EMAIL:-diskominfo@tubankab.go.id}"
mkdir -p "$SITES" "$WEBROOT"

.venv/bin/python manage.py tls_domains | while read -r primary aliases; do
  [ -n "$primary" ] || continue
  names="$primary $aliases"
  if [ ! -f "/etc/letsencrypt/live/$primary/fullchain.pem" ]; then
    args=(); for name in $names; do args+=(-d "$name"); done
    if ! certbot certonly --webroot -w "$WEBROOT" --non-interactive --agree-tos -m "$EMAIL" \
         --cert-name "$primary" --expand "${args[@]}"; then
      echo "certificate for $primary not issued yet (DNS?); will retry" >&2
      continue
    fi
  fi
  sed -e "s/__PRIMARY__/$primary/g" -e "s/__NAMES__/$names/g" deploy/nginx/site.conf.template > "$SITES/$primary.conf"
done

certbot renew --quiet --deploy-hook "systemctl reload nginx"
nginx -t && systemctl reload nginx
