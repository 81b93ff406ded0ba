// Stops the service the state folder names: node stop.mjs (GUARDED_STATE).
import { settings, stop } from './release.mjs';

const pid = await stop(settings());
console.log(pid ? `stopped api (pid ${pid})` : 'api was not running');
