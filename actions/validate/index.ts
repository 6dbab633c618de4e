// Entry point of the bundle (actions/validate/dist/index.js): the runner starts here.
import { run } from './main.ts';

await run();
