// Runs the CLI from the TypeScript sources through tsx, without a build:
//   node --import tsx scripts/dev-cli.ts check examples
import { main } from '../server/src/cli/main.js';

main(process.argv.slice(2));
