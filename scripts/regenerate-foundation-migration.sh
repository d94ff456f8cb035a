#!/usr/bin/env bash
# Issue-2 bootstrap only: rewrites the single Foundation migration from the entities, against a scratch database.
# Once the Foundation migration has landed it is never edited again; later changes use `npm run migration:generate`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh >/dev/null
services_up
dir=libs/database/src/migrations
scratch_url="${DATABASE_URL%/*}/samla_migration_scratch"
psql "$DATABASE_URL" -qc 'DROP DATABASE IF EXISTS samla_migration_scratch WITH (FORCE)' -c 'CREATE DATABASE samla_migration_scratch'
rm -f $dir/*-Foundation.ts
cat > $dir/index.ts <<'TS'
import { Extensions1795400000000 } from './1795400000000-Extensions.js';

export const MIGRATIONS = [Extensions1795400000000];
TS
npx tsc -p tsconfig.build.json >/dev/null || true  # emits despite type errors elsewhere; the schema only needs the entities
DATABASE_URL="$scratch_url" npx typeorm -d dist/libs/database/src/data-source.js migration:run >/dev/null
DATABASE_URL="$scratch_url" npx typeorm -d dist/libs/database/src/data-source.js migration:generate --pretty -t 1795424902255 "$dir/Foundation" >/dev/null
cat > $dir/index.ts <<'TS'
import { Extensions1795400000000 } from './1795400000000-Extensions.js';
import { Foundation1795424902255 } from './1795424902255-Foundation.js';

/** Migrations in the order they run. `npm run migration:generate -- Name` writes a file here; add its class below. */
export const MIGRATIONS = [Extensions1795400000000, Foundation1795424902255];
TS
# Hand-written SQL that entities cannot express (trigram indexes, generated search vectors) goes into a migration of
# its own after Foundation, so this script can rerun.
for extra in $dir/*-FoundationSql.ts; do
  [ -e "$extra" ] || continue
  cls=$(grep -oE 'class [A-Za-z0-9]+' "$extra" | head -1 | cut -d' ' -f2); base=$(basename "$extra" .ts)
  sed -i "s#^import { Foundation#import { $cls } from './$base.js';\nimport { Foundation#; s#Foundation1795424902255\]#Foundation1795424902255, $cls]#" $dir/index.ts
done
psql "$DATABASE_URL" -qc 'DROP DATABASE IF EXISTS samla_migration_scratch WITH (FORCE)'
npx tsc -p tsconfig.build.json >/dev/null || true  # emits despite type errors elsewhere; the schema only needs the entities
echo "Foundation migration regenerated"
