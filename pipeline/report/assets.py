"""Inline CSS and JS of the report (one file, nothing fetched at view time)."""

CSS = """
:root{--fg:#1d232b;--muted:#5f6b7a;--line:#d9dee5;--bg:#fff;--soft:#f5f7fa;--warn:#b3261e}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);
 background:var(--bg);margin:0}
header.top{background:#17324d;color:#fff;padding:14px 24px}
header.top h1{margin:0;font-size:22px}
header.top p{margin:4px 0 0;color:#c9d6e3;font-size:13px}
nav.toc{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:6px 24px;z-index:5}
nav.toc a{margin-right:18px;color:#17324d;font-weight:600;text-decoration:none}
main{padding:8px 24px 40px;max-width:1200px}
h2{border-bottom:2px solid #17324d;padding-bottom:4px;margin-top:32px}
h3{margin:22px 0 6px}
h4{margin:14px 0 4px;font-size:15px}
.bid{font:12px ui-monospace,monospace;color:var(--muted);font-weight:normal;margin-left:8px}
.muted{color:var(--muted)}
table{border-collapse:collapse;margin:6px 0 12px;font-size:14px}
th,td{border:1px solid var(--line);padding:3px 8px;vertical-align:top;text-align:left}
th{background:var(--soft)}
td.year{font-weight:600;white-space:nowrap}
td.conflict{background:#fdecea}
.warn{color:var(--warn);font-weight:700}
.src a{font-size:11px;margin-left:3px}
a{color:#0b57a4}
#filter{padding:5px 8px;width:340px;max-width:100%;border:1px solid var(--line);border-radius:4px}
.chart{display:grid;grid-template-columns:60px 1fr;gap:3px 8px;max-width:640px;margin:8px 0 16px}
.chart .bar{display:flex;height:18px}
.chart .bar span{display:block;height:100%;color:#fff;font-size:11px;line-height:18px;padding-left:4px;
 overflow:hidden;white-space:nowrap}
.b-recommended{background:#d08a1e}.b-conferred{background:#2f7d4f}.b-other{background:#7a7f87}
.legend span{display:inline-block;margin-right:10px;font-size:12px}
.legend i{display:inline-block;width:11px;height:11px;margin-right:4px;vertical-align:-1px}
section.article,.bloc{scroll-margin-top:48px}
section.article{border:1px solid var(--line);border-radius:6px;padding:4px 16px 10px;margin:18px 0}
section.article:target{box-shadow:0 0 0 3px #8fb7e0}
section.article h3 .aid{font:13px ui-monospace,monospace;color:var(--muted);margin-right:8px}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:1px 12px;font-size:13px;margin:6px 0}
dl.fields dt{color:var(--muted)}dl.fields dd{margin:0}
.text{white-space:pre-wrap;background:var(--soft);border-radius:4px;padding:10px 12px;font-size:14px;
 line-height:1.65;max-height:480px;overflow:auto}
mark{border-radius:2px;padding:0 1px;cursor:help;background:#fff0b3}
mark.t-members{background:#dbeafe}mark.t-leaders{background:#fde2c4}mark.t-handovers{background:#f9d0e3}
mark.t-awards{background:#d5f0dc}mark.t-people{background:#e6dcf7}mark.t-dates{background:#e8e8e8}
mark.multi{outline:1px dashed #6b7280}
mark.hl{outline:2px solid #d21f3c}
.i-members{background:#dbeafe}.i-leaders{background:#fde2c4}.i-handovers{background:#f9d0e3}
.i-awards{background:#d5f0dc}.i-people{background:#e6dcf7}.i-dates{background:#e8e8e8}
table.records td.ev{font-size:13px;color:#333;max-width:560px}
table.records td.ev b{background:#fff0b3}
details.irrelevant>summary{cursor:pointer;color:var(--muted)}
"""

JS = """
(function () {
  'use strict';
  var filter = document.getElementById('filter');
  if (filter) {
    filter.addEventListener('input', function () {
      var q = filter.value.toLowerCase().trim();
      var blocs = document.querySelectorAll('.bloc');
      for (var i = 0; i < blocs.length; i++) {
        var hay = blocs[i].getAttribute('data-search') || '';
        blocs[i].style.display = (!q || hay.indexOf(q) >= 0) ? '' : 'none';
      }
    });
  }
  function marks(key) {
    return document.querySelectorAll('mark[data-r~="' + key + '"]');
  }
  var rows = document.querySelectorAll('tr.rec');
  for (var j = 0; j < rows.length; j++) {
    (function (tr) {
      var key = tr.getAttribute('data-r');
      tr.addEventListener('mouseenter', function () {
        var ms = marks(key);
        for (var k = 0; k < ms.length; k++) { ms[k].classList.add('hl'); }
      });
      tr.addEventListener('mouseleave', function () {
        var ms = marks(key);
        for (var k = 0; k < ms.length; k++) { ms[k].classList.remove('hl'); }
      });
    })(rows[j]);
  }
  document.documentElement.setAttribute('data-ready', '1');
})();
"""
