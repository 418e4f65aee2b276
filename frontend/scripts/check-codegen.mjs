// Regenerates the GraphQL types into a temporary file and fails when they differ from the committed ones.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import config, { output, outputFile } from '../codegen.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const scratch = await mkdtemp(path.join(tmpdir(), 'quorum-codegen-'));
const freshFile = path.join(scratch, 'graphql.ts');

try {
  await generate({ ...config, silent: true, generates: { [freshFile]: output } }, true);
  const fresh = await readFile(freshFile, 'utf8');
  const committed = await readFile(outputFile, 'utf8').catch(() => null);

  if (committed === null) {
    console.error(`${outputFile} is missing. Run \`npm run codegen\` and commit the result.`);
    process.exitCode = 1;
  } else if (committed !== fresh) {
    console.error(
      `${outputFile} is out of date with schema.graphql or the operations in src/.\n` +
        'Run `npm run codegen` and commit the result.',
    );
    process.exitCode = 1;
  } else {
    console.log(`${outputFile} is up to date.`);
  }
} catch (error) {
  console.error(`GraphQL code generation failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await rm(scratch, { recursive: true, force: true });
}
