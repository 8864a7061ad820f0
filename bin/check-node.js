// Stops with instructions when this Node.js cannot run FlightPulse. Plain JavaScript on purpose:
// older Node.js versions must be able to run this file to say what is wrong, since they fail on
// `.ts` sources before any of them runs. Imported first by every entry point; runnable alone.
import { arch, platform } from 'node:process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const pkg = `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
  const unix = platform === 'linux' || platform === 'darwin';
  console.error(
    [
      `FlightPulse needs Node.js 22.18 or newer; this is v${process.versions.node} (${process.execPath}).`,
      unix
        ? `Get Node 22 from the npm registry (no root needed), then run the command again:\n  npm install --prefix ~/.node22 ${pkg}@22\n  export PATH=~/.node22/node_modules/${pkg}/bin:$PATH`
        : 'Install Node.js 22 from https://nodejs.org/en/download, then run the command again.',
      'Or with a version manager: nvm install 22 (or fnm install 22, volta install node@22).',
    ].join('\n'),
  );
  process.exit(1);
}
