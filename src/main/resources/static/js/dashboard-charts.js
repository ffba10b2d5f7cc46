// Draws every <canvas data-chart="{...}"> with Chart.js. The page carries the data as JSON in the
// attribute, because the Content-Security-Policy allows no inline script.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var palette = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#d63384', '#20c997'];

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    if (spec.horizontal) {
      // One bar group per school: give each room to read.
      canvas.parentElement.style.height = Math.max(260, spec.labels.length * 34 + 80) + 'px';
    }
    var valueAxis = spec.horizontal ? 'x' : 'y';
    var scales = {};
    scales[valueAxis] = {
      beginAtZero: true,
      stacked: spec.stacked,
      max: spec.percent ? 100 : undefined,
      ticks: {
        precision: 0,
        callback: spec.percent ? function (value) { return value + ' %'; } : undefined
      }
    };
    scales[spec.horizontal ? 'y' : 'x'] = { stacked: spec.stacked };
    var chart = new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (dataset, i) {
          return {
            label: dataset.label,
            data: dataset.data,
            backgroundColor: palette[i % palette.length],
            borderColor: palette[i % palette.length],
            fill: false,
            tension: 0.2
          };
        })
      },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: scales,
        plugins: { legend: { position: 'bottom' } }
      }
    });
    canvas.setAttribute('data-chart-drawn', String(chart.data.datasets.length));
  });
})();
