'use strict';
// 联席会议看板: the three rates of the region's child regions (click to drill down), six months'
// trend, overdue and soon-due steps, the backlog with its leaders, outstanding supervision
// letters and warnings. It listens to the changes in the caller's subtree (GET /live) and asks
// again when one arrives.
(async () => {
  const { el, api, notice, problemLines, requireSignIn, table, today } = Petition;
  const who = requireSignIn();
  Petition.header('联席会议看板');
  const $ = (id) => document.getElementById(id);
  const THREE = ['TIMELY_ACCEPTANCE', 'ON_TIME_REPLY', 'SATISFACTION'];
  const STAGES = { OVERDUE: '已超期', WARNED: '临期', RUNNING: '办理中' };
  const params = new URLSearchParams(location.search);
  let region = /^\d{2}(\d{2}(\d{2}(\d{3})?)?)?$/.test(params.get('region') || '') ? params.get('region') : who.region;
  $('period').value = today().slice(0, 7);
  const charts = {};
  const chart = (id) => charts[id] || (charts[id] = echarts.init($(id)));
  addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  const percent = (v) => (v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%');
  const failed = [];
  const ask = async (path) => {
    const r = await api('GET', path);
    if (!r.ok) failed.push(path.split('?')[0] + '：' + problemLines(r).join('；'));
    return r;
  };

  async function crumbs() {
    const found = await api('GET', '/api/routing/divisions/' + region);
    const path = found.ok ? found.data.path : [{ code: region, name: region }];
    $('crumbs').replaceChildren(...path.filter((d) => d.code.startsWith(who.region)).flatMap((d, i) => [
      i ? ' › ' : '', el('a', { 'data-region': d.code, onclick: () => go(d.code) }, d.name)]));
  }

  function go(code) {
    region = code;
    history.replaceState(null, '', '?region=' + code);
    refresh();
  }

  function months(n) {
    const [y, m] = $('period').value.split('-').map(Number);
    return Array.from({ length: n }, (_, i) => {
      const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
      return d.toISOString().slice(0, 7);
    });
  }

  async function rates() {
    const r = await ask('/api/analytics/statistics/rates/by-region?region=' + region + '&period=' + $('period').value);
    if (!r.ok) return;
    const children = r.data.children || [];
    const figure = (child, rate) => (child.rates || []).find((f) => f.rate === rate) || {};
    const labels = THREE.map((rate) => (children.length ? figure(children[0], rate).label : rate) || rate);
    chart('rates-chart').setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '—' : v + '%') },
      legend: { data: labels },
      xAxis: { type: 'category', data: children.map((c) => c.name) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: THREE.map((rate, i) => ({ name: labels[i], type: 'bar',
        data: children.map((c) => { const v = figure(c, rate).value; return v === null || v === undefined ? null : +(v * 100).toFixed(1); }) })),
    }, true);
    chart('rates-chart').off('click');
    chart('rates-chart').on('click', (e) => { const child = children[e.dataIndex]; if (child && child.code.length < 9) go(child.code); });
    $('rates-table').replaceChildren(table([['地区', (c) => el('a', { 'data-region': c.code, onclick: () => go(c.code) }, c.name)]]
      .concat(THREE.map((rate, i) => [labels[i], (c) => percent(figure(c, rate).value) + '（' + (figure(c, rate).numerator ?? 0) + '/' + (figure(c, rate).denominator ?? 0) + '）'])), children, '无下级地区'));
  }

  async function trend() {
    const periods = months(6);
    const sheets = await Promise.all(periods.map((p) => ask('/api/analytics/statistics/rates?region=' + region + '&period=' + p)));
    const volumes = await Promise.all(periods.map((p) => ask('/api/analytics/statistics/volume?region=' + region + '&period=' + p)));
    const value = (sheet, rate) => { const f = sheet.ok ? sheet.data.rates.find((x) => x.rate === rate) : null; return f && f.value !== null ? +(f.value * 100).toFixed(1) : null; };
    const label = (rate) => { const s = sheets.find((x) => x.ok); const f = s && s.data.rates.find((x) => x.rate === rate); return (f && f.label) || rate; };
    chart('trend-chart').setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['信访件次'].concat(THREE.map(label)) },
      xAxis: { type: 'category', data: periods },
      yAxis: [{ type: 'value', name: '件次' }, { type: 'value', name: '%', max: 100 }],
      series: [{ name: '信访件次', type: 'bar', data: volumes.map((v) => (v.ok ? v.data.cases : null)) }]
        .concat(THREE.map((rate) => ({ name: label(rate), type: 'line', yAxisIndex: 1, data: sheets.map((s) => value(s, rate)) }))),
    }, true);
  }

  async function deadlines() {
    const board = await ask('/api/supervision/dashboard/deadlines?region=' + region);
    if (board.ok) {
      $('deadline-board').replaceChildren(table([
        ['单位或地区', (c) => c.name || '合计'], ['办理中', (c) => c.open], ['临期', (c) => c.warned], ['超期', (c) => c.overdue],
      ], [board.data.total].concat(board.data.ownUnits || [], board.data.children || [])));
    }
    const clocks = await ask('/api/supervision/clocks?limit=200');
    if (!clocks.ok) return;
    const inRegion = clocks.data.filter((k) => (k.unitRegionCode || '').startsWith(region));
    const columns = [
      ['信访件', (k) => el('a', { href: '/case.html?id=' + encodeURIComponent(k.caseId), class: 'case-link' }, k.caseNumber)],
      ['环节', (k) => Petition.STEPS[k.step] || k.step], ['责任单位', (k) => k.unitCode],
      ['期限', (k) => (k.provisional ? [k.dueOn, ' ', el('span', { class: 'tag provisional', title: '下一年度节假日安排通知未载入，载入后重算' }, '待定')] : k.dueOn)], ['状态', (k) => el('span', { class: 'tag ' + k.stage }, STAGES[k.stage] || k.stage)],
    ];
    $('overdue').replaceChildren(table(columns, inRegion.filter((k) => k.stage === 'OVERDUE'), '无超期'));
    $('soon-due').replaceChildren(table(columns, inRegion.filter((k) => k.stage === 'WARNED'), '无临期'));
    $('open-clocks-count').textContent = '本辖区在办环节 ' + inRegion.length + ' 个';
    $('open-clocks-count').dataset.cases = [...new Set(inRegion.map((k) => k.caseNumber))].join(' ');
  }

  // 下一年度节假日安排通知未载入: due dates after the calendar's last day are provisional (待定)
  async function calendar() {
    const r = await ask('/api/intake/calendar');
    if (!r.ok) return;
    notice($('calendar-warning'), 'warn', r.data.warning ? [r.data.warning] : []);
  }

  async function backlog() {
    const r = await ask('/api/supervision/backlog?status=OPEN');
    if (!r.ok) return;
    $('backlog').replaceChildren(table([
      ['信访件', (b) => el('a', { href: '/case.html?id=' + encodeURIComponent(b.caseId) }, b.caseNumber)], ['责任单位', (b) => b.unitName || b.unitCode],
      ['包案领导', (b) => [b.leaderName, b.leaderPost].filter(Boolean).join('，')], ['原因', (b) => (b.groundLabels || []).join('、')],
      ['化解期限', (b) => (b.resolveBy || '') + (b.pastResolveBy ? '（已逾期）' : '')],
    ], r.data.filter((b) => (b.unitCode || '').startsWith(region)), '无积案'));
  }

  async function letters() {
    const r = await ask('/api/supervision/letters?status=OUTSTANDING');
    if (!r.ok) return;
    $('letters').replaceChildren(table([
      ['文号', (l) => l.number], ['标题', (l) => l.title], ['收函单位', (l) => l.recipientName || l.recipientUnit],
      ['回复期限', (l) => l.replyDueOn], ['涉及信访件', (l) => (l.caseNumbers || []).join('、')],
    ], r.data, '无待回复函件'));
  }

  async function warnings() {
    const r = await ask('/api/analytics/warnings?region=' + region + '&status=OPEN&limit=20');
    if (!r.ok) return;
    $('warnings').replaceChildren(table([
      ['日期', (w) => w.raisedOn], ['地区', (w) => w.regionCode], ['预警', (w) => w.summary], ['涉及信访件', (w) => (w.caseNumbers || []).slice(0, 5).join('、')],
    ], r.data, '无未研判预警'));
  }

  let running = null;
  async function refresh() {
    if (running) return running;
    failed.length = 0;
    running = Promise.all([crumbs(), calendar(), rates(), trend(), deadlines(), backlog(), letters(), warnings()])
      .then(() => {
        notice($('messages'), 'error', failed.length ? ['部分内容无法读取：'].concat(failed) : []);
        $('refreshed-at').textContent = new Date().toLocaleTimeString('zh-CN', { hour12: false });
      })
      .finally(() => { running = null; });
    return running;
  }

  $('period').addEventListener('change', refresh);
  await refresh();

  // 实时: a change in the subtree asks again, once soon and once when the consumers have caught up
  let heard = 0;
  let timers = [];
  Petition.live(() => {
    $('changes-heard').textContent = String(++heard);
    timers.forEach(clearTimeout);
    timers = [setTimeout(refresh, 1000), setTimeout(refresh, 5000)];
  }, (state) => { $('live-state').textContent = state; });
})();
