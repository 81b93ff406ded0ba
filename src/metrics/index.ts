export { type MetricEventOptions, metricEvents } from './anomaly.js';
export { median, robustBaseline } from './baseline.js';
export { type ImpactWindow, impactFromSeries } from './impact.js';
export { matrixToSeries, seriesName } from './matrix-series.js';
export { inferMeasure, inferMeasureFrom, serviceFromLabels, toMeasureUnit } from './measure.js';
export { queryRange } from './prometheus-http.js';
export { windowSeconds } from './slo-window.js';
