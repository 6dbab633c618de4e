// Entry point of the bundle (actions/deploy/dist/index.js): the runner starts here.
import { run } from './main.ts';

await run();
