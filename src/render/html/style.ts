/** The page's fixed styles; per-report rules (kind colours, filters) are appended by the page. */
export const PAGE_STYLE = `:root{color-scheme:light}
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#212529}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:1px solid #dee2e6;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #dee2e6;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f8f9fa}.fields{margin-bottom:.75rem}.fields th{width:16rem}td:first-child{white-space:nowrap}.timeline td:nth-last-child(n+3){white-space:nowrap}.meta{color:#6c757d;margin-top:0}
a{color:#0d6efd}a.ref{white-space:nowrap}a:focus-visible{outline:2px solid #0d6efd;outline-offset:2px}
.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.35em;vertical-align:baseline}
.chart-frame,.table-frame{overflow-x:auto}.chart{display:block;box-sizing:border-box;width:100%;min-width:720px;height:auto;border:1px solid #dee2e6;border-radius:4px;margin:.5rem 0;background:#fff}
.mark circle{transition:r .1s}.mark:hover circle,.mark:focus circle{r:8}
figure{margin:0 0 1rem}figcaption{font-size:13px;font-weight:600;color:#495057}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;font-size:13px;margin:.5rem 0}
.filters fieldset{border:1px solid #dee2e6;border-radius:4px;padding:.2rem .6rem;margin:0;display:flex;flex-wrap:wrap;gap:.1rem .8rem}
.filters legend{font-weight:600;padding:0 .2rem}.filters label{white-space:nowrap;cursor:pointer}.filters input{margin:0 .3em 0 0;vertical-align:middle}
.count{color:#6c757d}
.folded summary{cursor:pointer;color:#6c757d}.folded ol{margin:.2rem 0;padding-left:1.2rem}.folded .where{color:#6c757d}
tr[id]{scroll-margin-top:5rem}
tr:target{background:#fff3cd;outline:2px solid #fd7e14;outline-offset:-2px;animation:flash 1.2s ease-out}
@keyframes flash{from{background:#ffe08a}to{background:#fff3cd}}
@media print{body{margin:0;max-width:none;font-size:12px}.chart{min-width:0}table{font-size:10.5px}td{white-space:normal!important}.table-frame{overflow:visible}a{color:inherit;text-decoration:none}.filters{display:none}
tr{display:table-row!important;break-inside:avoid}tr:target{outline:none;background:none}thead{display:table-header-group}
.chart,figure{break-inside:avoid}h2{break-after:avoid}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}`;
