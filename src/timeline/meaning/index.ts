export type { Line } from './features.js';
export { features, firstSentence, toldGroups, words } from './features.js';
export { type Marked, markers } from './markers.js';
export { type Scores, score, type Weights } from './model.js';
export { type Meaning, readMeaning } from './read.js';
export { type Example, type TrainOptions, train } from './train.js';
