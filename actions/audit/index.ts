// Entry point of the bundle (actions/audit/dist/index.js): the runner starts here.
import { run } from './main.ts';

await run();
