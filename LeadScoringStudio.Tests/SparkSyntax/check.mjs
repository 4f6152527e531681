// Prints every syntax error of the Spark SQL file given, one per line with its position; exits 1 when there is any.
import { register } from 'node:module';
import { readFileSync } from 'node:fs';

// dt-sql-parser is built for bundlers (imports of folders and of files without .js); resolve those as they mean.
register('./hooks.mjs', import.meta.url);
const { SparkSQL } = await import('dt-sql-parser');

const errors = new SparkSQL().validate(readFileSync(process.argv[2], 'utf8'));
for (const error of errors) {
  console.log(`line ${error.startLine}, column ${error.startColumn}: ${error.message}`);
}
process.exit(errors.length > 0 ? 1 : 0);
