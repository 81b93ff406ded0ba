// Rolls the service back to a version: node rollback.mjs 1.0.0 (GUARDED_PORT, GUARDED_STATE).
import { release } from './release.mjs';

await release('rollback');
