export { laneOf, lanesOf } from './lanes.js';
export { seriesChart, seriesCharts } from './series-chart.js';
export { seriesHeading } from './series-layout.js';
export { timelineChart } from './timeline-chart.js';
