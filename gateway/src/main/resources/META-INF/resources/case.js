'use strict';
// 信访件: one case as the caller may see it — the acts the caller may take on it now (办理), its
// steps as a procedure (流程图), who answers for each (责任图), when each is due (时限图), its
// history and its documents. What the caller may not see the services refuse; the page says so and
// shows nothing of the case.
(async () => {
  const { el, api, notice, problemLines, requireSignIn, table, token } = Petition;
  const who = requireSignIn();
  Petition.header('信访件');
  const $ = (id) => document.getElementById(id);
  const id = new URLSearchParams(location.search).get('id') || '';
  if (!/^[0-9a-fA-F-]{36}$/.test(id)) {
    return notice($('messages'), 'error', ['信访件标识格式不正确']);
  }
  const base = '/api/intake/cases/' + encodeURIComponent(id);
  const units = new Map();
  async function unitName(code) {
    if (!code) return '';
    if (!units.has(code)) {
      units.set(code, api('GET', '/api/routing/units/' + encodeURIComponent(code)).then((r) => (r.ok ? r.data.name : code)));
    }
    return units.get(code);
  }
  let chart = null;
  addEventListener('resize', () => chart && chart.resize());
  await load();

  /** Shows the case as it now stands; after an act, again. */
  async function load() {
    const found = await api('GET', base);
    if (!found.ok) {
      const lines = found.status === 403 || found.status === 404
        ? ['无权查看此信访件，或信访件不存在（' + found.status + '）'] : problemLines(found);
      $('case').hidden = true;
      return notice($('messages'), 'error', lines);
    }
    const c = found.data;
    $('case').hidden = false;
    $('case-number').textContent = c.caseNumber;
    $('status').textContent = c.statusLabel || c.status;
    await showActs(c);

    const petitioners = (c.petitioners || []).map((p) => [p.name, p.idNumber, p.phone, p.address].filter(Boolean).join('，')).join('；');
    const rows = [
      ['信访形式', { LETTER: '来信', VISIT: '来访', ONLINE: '网上信访', PHONE: '电话', FAX: '传真', MOBILE: '移动端' }[c.channel] || c.channel], ['收到日期', c.receivedOn], ['登记单位', await unitName(c.registeringUnit)],
      ['问题属地', c.matterRegionCode], ['内容分类', c.categoryName || c.category], ['信访目的', c.purposeLabel || c.purpose],
      ['人数', c.personCount], ['责任单位', c.handlingUnit ? c.handlingUnit.name : '（待定）'],
      ['转送交办', (c.routingMode === 'ASSIGN' ? '交办' : c.routingMode === 'FORWARD' ? '转送' : c.routingMode || '') + (c.escalated ? '（越级）' : '')],
      ['职权依据', c.routingExplanation || ''], ['信访人', c.anonymous ? '匿名' : petitioners], ['信访事项', c.content || ''],
    ];
    const RATINGS = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', UNSATISFIED: '不满意' };
    if (c.satisfaction) {
      rows.push(['满意度评价', '对答复' + RATINGS[c.satisfaction] + (c.officeSatisfaction ? '，对信访部门' + RATINGS[c.officeSatisfaction] : '')]);
    }
    $('summary').replaceChildren(el('table', { id: 'summary-table' }, rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v === null || v === undefined ? '' : String(v))))));

    const STATES = { OPEN: '办理中', ON_TIME: '按期完成', LATE: '超期完成', WITHDRAWN: '异议成立，已改送' };
    // 待定: past the last day of the calendar it was counted with; recounted when the notice is loaded
    const due = (s) => (s.provisional && s.state === 'OPEN'
      ? el('span', {}, s.dueOn + ' ', el('span', { class: 'tag provisional', title: '下一年度节假日安排通知未载入，载入后重算' }, '待定'))
      : s.dueOn || '');
    const steps = c.steps || [];
    const names = await Promise.all(steps.map((s) => unitName(s.unitCode)));
    const overdue = (s) => s.state === 'OPEN' && s.dueOn && s.dueOn < Petition.today();
    $('flow').replaceChildren(...steps.flatMap((s, i) => [
      i ? el('span', { class: 'arrow' }, '→') : null,
      el('div', { class: 'step ' + (overdue(s) ? 'OVERDUE' : s.state === 'OPEN' ? 'OPEN' : s.state === 'LATE' ? 'LATE' : 'DONE'), 'data-step': s.step },
        el('div', {}, el('strong', {}, s.label || s.step)), el('div', { class: 'muted' }, names[i]),
        el('div', { class: 'muted' }, overdue(s) ? '已超期' : STATES[s.state] || s.state)),
    ].filter(Boolean)));
    if (!steps.length) $('flow').append(el('p', { class: 'muted' }, '尚无办理环节'));

    $('responsibility').replaceChildren(table([
      ['环节', (s) => s.label || s.step], ['责任单位', (s) => names[steps.indexOf(s)]],
      ['开始', (s) => s.startedOn || ''], ['期限', due], ['完成', (s) => s.doneOn || ''],
      ['状态', (s) => (overdue(s) ? '已超期' : STATES[s.state] || s.state)],
    ], steps, '尚无办理环节'));

    if (steps.length && window.echarts) {
      const day = (d) => Date.parse(d + 'T00:00:00Z') / 86400000;
      const first = Math.min(...steps.map((s) => day(s.startedOn || s.dueOn)));
      if (chart) chart.dispose();
      chart = echarts.init($('deadline-chart'));
      chart.setOption({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 110, right: 30 },
        xAxis: { type: 'value', name: '天（自 ' + steps[0].startedOn + ' 起）' },
        yAxis: { type: 'category', inverse: true, data: steps.map((s) => s.label || s.step) },
        series: [
          { type: 'bar', stack: 't', itemStyle: { color: 'transparent' }, data: steps.map((s) => day(s.startedOn || s.dueOn) - first), tooltip: { show: false } },
          { type: 'bar', stack: 't', name: '期限', label: { show: true, position: 'right', formatter: (p) => '至 ' + steps[p.dataIndex].dueOn },
            data: steps.map((s) => ({ value: Math.max(day(s.dueOn) - day(s.startedOn || s.dueOn), 0.5),
              itemStyle: { color: overdue(s) || s.state === 'LATE' ? '#e53935' : s.state === 'OPEN' ? '#1e88e5' : '#43a047' } })) },
        ],
      });
    }

    const history = await api('GET', base + '/history');
    const historyUnits = history.ok ? await Promise.all(history.data.map((t) => unitName(t.unitCode))) : [];
    $('history').replaceChildren(history.ok ? table([
      ['日期', (t) => t.occurredOn], ['环节', (t) => t.label || t.transition],
      ['单位', (t) => historyUnits[history.data.indexOf(t)]], ['经办人', (t) => t.user || ''],
    ], history.data, '暂无记录') : el('p', { class: 'muted' }, problemLines(history).join('；')));

    // 督办函件与领导批示 about this case, for those who may see letters (supervision's list, its rules)
    if (Petition.hasRole('supervisor', 'joint-office', 'leader', 'handler')) {
      const letters = await api('GET', '/api/supervision/letters?caseId=' + encodeURIComponent(id));
      const LETTER_STATUS = { OUTSTANDING: '待回复', ESCALATED: '逾期未复', ANSWERED: '已回复' };
      $('letters-section').hidden = false;
      $('case-letters').replaceChildren(letters.ok ? table([
        ['文号', (l) => l.number], ['种类', (l) => l.title], ['收件单位', (l) => l.recipientName],
        ['期限', (l) => l.replyDueOn], ['状态', (l) => LETTER_STATUS[l.status] || l.status],
        ['', (l) => el('a', { href: '/supervision.html' }, '到督办页查看')],
      ], letters.data, '暂无督办函件或领导批示') : el('p', { class: 'muted' }, problemLines(letters).join('；')));
    }

    const documents = await api('GET', base + '/documents');
    $('documents').replaceChildren(documents.ok ? table([
      ['文书', (d) => el('a', { href: '#', 'data-document': d.transitionId, onclick: (e) => { e.preventDefault(); show(d); } }, d.title)],
      ['日期', (d) => d.issuedOn || ''],
    ], documents.data, '暂无文书') : el('p', { class: 'muted' }, problemLines(documents).join('；')));

    await showAttachments();

    // 短信告知: each SMS sent to the petitioners and its delivery; the phone as the service shows it
    const SMS = { QUEUED: '待发送', SENT: '已提交', DELIVERED: '已送达', UNDELIVERED: '未送达', FAILED: '发送失败' };
    const time = (t) => (t || '').replace('T', ' ').slice(0, 16);
    const notices = await api('GET', base + '/notices');
    $('notices').replaceChildren(notices.ok ? table([
      ['告知事项', (n) => n.label || n.notice], ['手机号', (n) => n.phone],
      ['状态', (n) => (SMS[n.status] || n.status) + (n.status === 'QUEUED' && n.nextAt ? '（' + time(n.nextAt) + ' 发送）' : '')],
      ['条数', (n) => n.parts], ['登记时间', (n) => time(n.queuedAt)], ['送达/失败时间', (n) => time(n.doneAt)],
    ], notices.data, '未发送短信（信访人未同意短信告知或未留手机号码）') : el('p', { class: 'muted' }, problemLines(notices).join('；')));

  }

  /**
   * 附件: the case's attachments; their names and contents only for those who may see the
   * petitioners (the service says), each download recorded there. A unit of the case attaches a
   * file: its type is what its content is, as the service sniffs it.
   */
  async function showAttachments() {
    const size = (n) => (n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(n / 1024)) + ' KB');
    const time = (t) => (t || '').replace('T', ' ').slice(0, 16);
    const found = await api('GET', base + '/attachments');
    $('attachments').replaceChildren(found.ok ? table([
      ['类型', (a) => a.label || a.kind],
      ['文件', (a) => (a.fileName ? el('a', { href: '#', 'data-attachment': a.id, onclick: (e) => { e.preventDefault(); download(a); } }, a.fileName) : '（无权查看）')],
      ['大小', (a) => size(a.size)], ['上传时间', (a) => time(a.uploadedAt)], ['查阅次数', (a) => a.reads],
    ], found.data, '暂无附件') : el('p', { class: 'muted' }, problemLines(found).join('；')));
    $('attach').hidden = !(Petition.hasRole('registrar') || Petition.hasRole('handler'));
  }

  async function download(a) {
    const response = await fetch(base + '/attachments/' + a.id, { headers: { Authorization: 'Bearer ' + token() } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      return notice($('messages'), 'error', problemLines({ status: response.status, problem }));
    }
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: a.fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    await showAttachments();
  }

  $('attach').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = $('attach-file').files[0];
    $('attach-file-error').textContent = file ? '' : '请选择文件';
    if (!file) return;
    let response;
    try {
      response = await fetch(base + '/attachments?kind=' + encodeURIComponent($('attach-kind').value), {
        method: 'POST',
        headers: {
          Authorization: 'Bearer ' + token(),
          'Content-Type': file.type || 'application/octet-stream',
          'Content-Disposition': "attachment; filename*=UTF-8''" + encodeURIComponent(file.name),
        },
        body: file,
      });
    } catch (e) {
      $('attach-file-error').textContent = '无法连接平台，请检查网络后重试';
      return;
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      const lines = (problem.errors || []).filter((e) => e.field === 'file').map((e) => String(e.message || '').split(' / ')[0]);
      $('attach-file-error').textContent = lines.length ? lines.join('；') : problemLines({ status: response.status, problem }).join('；');
      return;
    }
    $('attach-file').value = '';
    await showAttachments();
  });

  /**
   * 办理: the acts the service offers this user now (GET …/acts), each opening its form; after an
   * act the page shows the case as it then stands, with the document the act produced.
   */
  async function showActs(c) {
    const offered = await api('GET', base + '/acts');
    const form = $('act-form');
    form.replaceChildren();
    // a supervisor's acts on a case open the page 督办, about this case
    // a leader's instruction (领导批示) is recorded on the same page
    const ongoing = !['REFERRED', 'DECLINED', 'CLOSED', 'TERMINATED', 'NOT_ACCEPTED_AGAIN'].includes(c.status);
    const supervise = ongoing && Petition.hasRole('supervisor', 'joint-office')
      ? el('a', { href: '/supervision.html?case=' + encodeURIComponent(id), id: 'supervise', class: 'button' }, '发督办函')
      : ongoing && Petition.hasRole('leader')
        ? el('a', { href: '/supervision.html?case=' + encodeURIComponent(id), id: 'instruct', class: 'button' }, '领导批示') : null;
    if (!offered.ok || !offered.data.length) {
      $('acts').replaceChildren(el('p', { class: 'muted' }, offered.ok ? '当前没有您可以办理的事项' : problemLines(offered).join('；')), supervise || '');
      return;
    }
    $('acts').replaceChildren(supervise || '', ...offered.data.map((a) => el('button', {
      type: 'button', class: 'secondary', 'data-act': a.act,
      onclick: () => {
        form.replaceChildren(Forms.handlingAct(id, a, who.region, $('messages'), async (answer) => {
          form.replaceChildren();
          notice($('messages'), 'ok', ['已办理：' + a.label + '（当前状态：' + (answer.data.statusLabel || answer.data.status) + '）']);
          await load();
          $('messages').scrollIntoView();
        }));
        const first = form.querySelector('input, select, textarea');
        if (first) first.focus();
      },
    }, a.label)));
  }

  async function show(d) {
    const response = await fetch(base + '/documents/' + d.transitionId, { headers: { Authorization: 'Bearer ' + token(), Accept: 'text/html' } });
    if (!response.ok) return notice($('messages'), 'error', ['文书无法打开（' + response.status + '）']);
    $('document-view').srcdoc = await response.text();
    $('document-view').hidden = false;
    $('print-document').hidden = false;
  }
  // the document is shown without its scripts (sandbox); printed as laid out for A4
  $('print-document').addEventListener('click', () => $('document-view').contentWindow.print());
})();
