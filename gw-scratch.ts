import { startEmbedded } from './test/support/embedded.ts';
const inst = await startEmbedded([]);
console.log('PORT', inst.gateway.port);
setTimeout(() => inst.stop().then(() => process.exit(0)), 300_000);
