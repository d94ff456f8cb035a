#!/usr/bin/env bash
# Usage: npm run migration:generate -- AddSomething
# Builds, compares the entities with the migrated database and writes libs/database/src/migrations/<ts>-AddSomething.ts.
set -euo pipefail
name="${1:?usage: npm run migration:generate -- MigrationName}"
cd "$(dirname "$0")/.."
npm run build --silent
npx typeorm -d dist/libs/schema/src/data-source.js migration:run >/dev/null
npx typeorm -d dist/libs/schema/src/data-source.js migration:generate --pretty "libs/database/src/migrations/$name"
echo "Now add the new class to libs/database/src/migrations/index.ts."
