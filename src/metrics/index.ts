export { type MetricEventOptions, metricEvents } from './anomaly.js';
export { median, robustBaseline } from './baseline.js';
export { csvSeries } from './csv-series.js';
export { type ImpactWindow, impactFromSeries } from './impact.js';
export { inferMeasure } from './measure.js';
export { matrixToSeries, prometheusFile } from './prometheus-file.js';
export { queryRange } from './prometheus-http.js';
export { windowSeconds } from './slo-window.js';
