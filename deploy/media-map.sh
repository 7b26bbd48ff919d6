#!/bin/sh
# Regenerate nginx's Host → media-folder map and reload nginx when it changed (desa-digital-media-map.timer).
set -eu
cd /srv/desa-digital/app
out=$(.venv/bin/python manage.py nginx_media_map --output /etc/nginx/desa-digital/media-map.conf)
if [ "$out" = "changed" ]; then
    nginx -t -q && systemctl reload nginx
fi
