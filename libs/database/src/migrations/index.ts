import { Extensions1795400000000 } from './1795400000000-Extensions.js';
import { FoundationSql1795424902256 } from './1795424902256-FoundationSql.js';
import { Foundation1795424902255 } from './1795424902255-Foundation.js';

/** Migrations in the order they run. `npm run migration:generate -- Name` writes a file here; add its class below. */
export const MIGRATIONS = [Extensions1795400000000, Foundation1795424902255, FoundationSql1795424902256];
