/** The stats charts' colours and text, by class: the served pages' policy allows no style attribute. */
export const STATS_STYLE = `.stats-chart .grid line{stroke:#e9ecef}.stats-chart .axis{stroke:#adb5bd}
.stats-chart .axis-label,.stats-chart .value-label{fill:#495057;font-size:11px}
.bar-count{fill:#0d6efd}.bar-detect{fill:#6f42c1}.bar-acknowledge{fill:#fd7e14}.bar-mitigate{fill:#198754}
.bar-service{fill:#0dcaf0}.bar-overdue{fill:#dc3545}.stats-chart .bar:hover{opacity:.8}
.stats-table{margin-bottom:.5rem}.stats-table td:not(:first-child){white-space:normal}`;
