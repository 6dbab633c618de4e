// Entry point of the local deploy runtime, started detached by runtime-client.ts.
import { runDaemon, type DaemonOptions } from './daemon.ts';

await runDaemon(JSON.parse(process.argv[2] ?? '{}') as DaemonOptions);
