// Deploys a version of the service: node deploy.mjs 2.0.0 (GUARDED_PORT, GUARDED_STATE).
import { release } from './release.mjs';

await release('deploy');
