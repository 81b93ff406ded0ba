// Lint, import and the timeline source read dates the same way.
export { firstDate } from '../time/index.js';
