// Run by frame-context.test.ts through bin/run.js: reports how this process's AsyncLocalStorage is
// backed. The async_hooks version has a `_propagate` method; the AsyncContextFrame one has none.
import { AsyncLocalStorage } from 'node:async_hooks';

const report = {
  pid: process.pid,
  frameBacked: !('_propagate' in AsyncLocalStorage.prototype),
  args: process.argv.slice(2),
  execArgv: process.execArgv,
};
if (process.send) process.send(report, () => process.disconnect());
else console.log(JSON.stringify(report));
