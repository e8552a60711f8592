'use strict';
// 督办: what a supervisor issues and follows up — supervision letters (三函) and their answers,
// listings (挂牌督办) and their reviews, the backlog (积案) with its leaders, reports and crossing off,
// leaders' reception days (领导接访) — and, for a unit's handlers, the letters addressed to their
// unit, answered here. Every act is a form (forms.js); the service checks every field and what it
// refuses is shown beside the field. A case page's 发督办函 opens this page with ?case=<id>.
(async () => {
  const { el, api, notice, problemLines, requireSignIn, table, token, hasRole } = Petition;
  const who = requireSignIn();
  Petition.header('督办');
  const $ = (id) => document.getElementById(id);
  const S = '/api/supervision';
  const supervisor = hasRole('supervisor', 'joint-office');
  const overseer = hasRole('supervisor', 'joint-office', 'leader');
  const leader = hasRole('leader');
  const { text, area, date, choice } = Forms.fields;
  const messages = $('messages');

  /** Opens a form in place; after the act: a line in messages, the form gone, the list again. */
  function open(place, spec, reload) {
    $(place).replaceChildren(Forms.build({
      ...spec, region: who.region, messages,
      onDone: async () => {
        $(place).replaceChildren();
        notice(messages, 'ok', ['已办理：' + spec.label]);
        await reload();
      },
    }));
    const first = $(place).querySelector('input, select, textarea');
    if (first) first.focus();
  }

  const button = (label, attrs, onclick) => el('button', { type: 'button', class: 'secondary', ...attrs, onclick }, label);
  const failed = (r) => el('p', { class: 'muted' }, problemLines(r).join('；'));

  // 督办函件 ------------------------------------------------------------------------------------
  const LETTER_STATUS = { OUTSTANDING: '待回复', ESCALATED: '逾期未复', ANSWERED: '已回复' };
  async function letters() {
    const r = await api('GET', S + '/letters');
    $('letters').replaceChildren(r.ok ? table([
      ['文号', (l) => l.number], ['种类', (l) => l.title], ['收函单位', (l) => l.recipientName],
      ['信访件', (l) => (l.caseNumbers || []).join('、')], ['事由或批示', (l) => l.reason], ['回复期限', (l) => l.replyDueOn],
      ['状态', (l) => LETTER_STATUS[l.status] || l.status],
      ['回复', (l) => (l.answer ? l.answer + '（' + l.answeredOn + (l.answeredLate ? '，逾期' : '') + '）' : '')],
      ['操作', (l) => el('span', {},
        button('查看', { 'data-letter': l.id }, () => showLetter(l)),
        l.recipientUnit === who.unit && l.status !== 'ANSWERED'
          ? button('书面回复', { 'data-answer': l.id }, () => open('letter-form', {
            act: 'letter-answer', label: '书面回复 ' + l.number, url: S + '/letters/' + l.id + '/answer',
            fields: [area('answer', '办理情况', 4000)],
          }, letters)) : null)],
    ], r.data, '暂无函件') : failed(r));
  }

  async function showLetter(l) {
    const response = await fetch(S + '/letters/' + l.id + '/document', { headers: { Authorization: 'Bearer ' + token(), Accept: 'text/html' } });
    if (!response.ok) return notice(messages, 'error', ['函件无法打开（' + response.status + '）']);
    $('letter-view').srcdoc = await response.text();
    $('letter-view').hidden = false;
    $('print-letter').hidden = false;
  }
  $('print-letter').addEventListener('click', () => $('letter-view').contentWindow.print());

  /**
   * 发函 about the case the page was opened for (?case=), to the unit that owes its step; a leader
   * records an instruction (领导批示) on it instead.
   */
  async function offerLetter(caseId) {
    const found = await api('GET', '/api/intake/cases/' + encodeURIComponent(caseId));
    if (!found.ok) return notice(messages, 'error', problemLines(found));
    const c = found.data;
    if (!supervisor) {
      const instruct = () => open('letter-form', {
        act: 'instruction', label: '就信访件 ' + c.caseNumber + ' 批示', url: S + '/letters',
        extra: { caseIds: [caseId], kind: 'LEADER_INSTRUCTION' },
        fields: [
          text('recipientUnit', '报告办理情况的单位代码', 40, { value: c.handlingUnit ? c.handlingUnit.code : '', hint: '如 530302:zjj' }),
          area('reason', '批示内容', 2000), date('replyDueOn', '报告期限'),
        ],
      }, letters);
      $('letter-acts').replaceChildren(button('就信访件 ' + c.caseNumber + ' 批示', { id: 'issue-instruction' }, instruct));
      return instruct();
    }
    const issue = () => open('letter-form', {
      act: 'letter', label: '就信访件 ' + c.caseNumber + ' 发函', url: S + '/letters', extra: { caseIds: [caseId] },
      fields: [
        choice('kind', '函件种类', { SUPERVISION_ORDER: '督办函', RISK_REMINDER: '风险提醒函', ACCOUNTABILITY: '问责建议函' }),
        text('recipientUnit', '收函单位代码', 40, { value: c.handlingUnit ? c.handlingUnit.code : '', hint: '如 530302:zjj' }),
        area('reason', '督办事由', 2000), date('replyDueOn', '回复期限'),
      ],
    }, letters);
    $('letter-acts').replaceChildren(button('就信访件 ' + c.caseNumber + ' 发函', { id: 'issue-letter' }, issue));
    issue();
  }

  /** An act another node's level took: held there, its content read there through this gateway. */
  function heldAt(item) {
    return '由 ' + item.heldAt + ' 节点持有';
  }

  // 挂牌督办 ------------------------------------------------------------------------------------
  async function listings() {
    const r = await api('GET', S + '/listings');
    $('listings').replaceChildren(r.ok ? table([
      ['挂牌对象', (l) => l.targetName || l.target], ['原因', (l) => (l.heldAt ? heldAt(l) : l.reason)], ['挂牌日期', (l) => l.listedOn],
      ['整改期限', (l) => l.rectifyBy], ['状态', (l) => (l.status === 'LISTED' ? '挂牌中' : '已摘牌')],
      ['整改报告', (l) => (l.reportedOn ? l.reportedOn + (l.report ? '：' + l.report : '') : '')],
      ['验收', (l) => l.reviews.map((v) => v.reviewedOn + (v.passed ? ' 通过：' : ' 未通过：') + v.findings).join('；')],
      ['操作', (l) => (supervisor && l.status === 'LISTED' ? el('span', {},
        button('整改报告', { 'data-listing-report': l.id }, () => open('listing-form', {
          act: 'listing-report', label: '整改报告 ' + (l.targetName || l.target), url: S + '/listings/' + l.id + '/report',
          fields: [area('report', '整改情况', 20000)],
        }, listings)),
        l.heldAt ? null : button('验收', { 'data-review': l.id }, () => open('listing-form', {
          act: 'listing-review', label: '验收 ' + (l.targetName || l.target), url: S + '/listings/' + l.id + '/reviews',
          fields: [choice('passed', '验收结论', { true: '通过，摘牌', false: '未通过，继续挂牌' }), area('findings', '验收意见', 4000)],
        }, listings))) : '')],
    ], r.data, '暂无挂牌督办事项') : failed(r));
  }

  // 积案 ------------------------------------------------------------------------------------------
  const BACKLOG_STATUS = { OPEN: '化解中', CROSSED_OFF: '已销号' };
  async function backlog() {
    const [list, candidates] = await Promise.all([api('GET', S + '/backlog'), api('GET', S + '/backlog/candidates')]);
    $('backlog').replaceChildren(list.ok ? table([
      ['信访件', (b) => b.caseNumber], ['责任单位', (b) => b.unitName], ['积案情形', (b) => (b.groundLabels || []).join('、')],
      ['包案领导', (b) => (b.heldAt ? heldAt(b) : b.leaderName + '（' + b.leaderPost + '）')], ['化解期限', (b) => b.resolveBy + (b.pastResolveBy ? '（已逾期）' : '')],
      ['状态', (b) => BACKLOG_STATUS[b.status] || b.status],
      ['操作', (b) => (b.status !== 'OPEN' ? '' : el('span', {},
        button('化解报告', { 'data-report': b.id }, () => open('backlog-form', {
          act: 'backlog-report', label: '化解报告 ' + b.caseNumber, url: S + '/backlog/' + b.id + '/report',
          fields: [area('report', '化解情况', 20000)],
        }, backlog)),
        supervisor && !b.heldAt ? button('销号', { 'data-cross-off': b.id }, () => open('backlog-form', {
          act: 'backlog-cross-off', label: '销号 ' + b.caseNumber, url: S + '/backlog/' + b.id + '/cross-off',
          fields: [
            choice('resolution', '三到位一处理', { PROBLEM_SOLVED: '解决问题到位', COUNSELLED: '思想教育到位', ASSISTED: '帮扶救助到位', DEALT_WITH_BY_LAW: '依法处理' }),
            area('petitionerStatement', '信访人息诉罢访书面意见（无满意评价时）', 4000, { optional: true }),
          ],
        }, backlog)) : null))],
    ], list.data, '暂无积案') : failed(list));
    $('candidates').replaceChildren(candidates.ok ? table([
      ['信访件', (c) => c.caseNumber], ['责任单位', (c) => c.unitName], ['重复信访', (c) => c.repeatPetitions],
      ['首次信访', (c) => c.firstSeenOn],
      ['操作', (c) => (supervisor ? button('立为积案', { 'data-take': c.caseId }, () => open('backlog-form', {
        act: 'backlog-take', label: '立为积案 ' + c.caseNumber, url: S + '/backlog', extra: { caseId: c.caseId },
        fields: [
          text('leaderName', '包案领导', 100), text('leaderPost', '领导职务', 200),
          { name: 'team', label: '工作专班成员（每行一人）', type: 'lines' }, area('plan', '化解方案', 8000), date('resolveBy', '化解期限'),
        ],
      }, backlog)) : '')],
    ], candidates.data, '暂无积案候选') : failed(candidates));
  }

  // 领导接访 --------------------------------------------------------------------------------------
  const RECEPTION_STATUS = { PLANNED: '已安排', HELD: '已接访', NOT_HELD: '未接访' };
  async function receptions() {
    const today = Petition.today();
    const from = today.slice(0, 8) + '01';
    const to = String(Number(today.slice(0, 4)) + 1) + today.slice(4);
    const r = await api('GET', S + '/receptions?from=' + from + '&to=' + to);
    $('receptions').replaceChildren(r.ok ? table([
      ['接访领导', (d) => d.leader + '（' + d.post + '）'], ['日期', (d) => d.plannedOn], ['地点', (d) => d.place],
      ['状态', (d) => RECEPTION_STATUS[d.status] || d.status],
      ['接待', (d) => (d.persons === null || d.persons === undefined ? '' : d.persons + ' 人次，' + d.batches + ' 批次')],
      ['操作', (d) => (supervisor && d.status === 'PLANNED' ? button('记录', { 'data-record': d.id }, () => open('reception-form', {
        act: 'reception-record', label: '记录接访 ' + d.leader + ' ' + d.plannedOn, url: S + '/receptions/' + d.id + '/record',
        fields: [
          choice('held', '是否举行', { true: '已举行', false: '未举行' }),
          { name: 'persons', label: '接待人次', type: 'number', min: 0, max: 10000, optional: true },
          { name: 'batches', label: '接待批次', type: 'number', min: 0, max: 10000, optional: true },
          area('note', '备注', 2000, { optional: true }),
        ],
      }, receptionsAndRoster)) : '')],
    ], r.data, '本月起一年内暂无接访安排') : failed(r));
  }

  /**
   * 接访领导名单 (issue 31, item 10): each leader on the roster of the caller's subtree, and any other
   * with a day planned, against the level's minimum this year (省级每半年、市级每季度、县级每月、乡级每周);
   * a leader on the roster who planned no day is flagged. Supervisors add a leader or take one off.
   */
  async function roster() {
    const year = Petition.today().slice(0, 4);
    const [listed, checked] = await Promise.all([
      api('GET', S + '/reception-leaders'),
      api('GET', S + '/receptions/compliance?from=' + year + '-01-01&to=' + year + '-12-31'),
    ]);
    const onRoster = (c) => (listed.ok ? listed.data : [])
      .find((l) => l.leader === c.leader && l.post === c.post && l.region === c.regionCode);
    $('roster').replaceChildren(checked.ok ? table([
      ['接访领导', (c) => c.leader + '（' + c.post + '）'], ['区划', (c) => c.regionName],
      ['已接访周期', (c) => c.periodsWithReception + ' / ' + c.periods],
      ['未接访周期', (c) => (c.missing || []).join('、')],
      ['安排', (c) => (c.plansNone ? el('span', { class: 'tag OVERDUE', 'data-plans-none': c.leader }, '未安排接访') : c.daysPlanned + ' 天')],
      ['名单', (c) => {
        const l = onRoster(c);
        if (!l) return '未列入';
        return supervisor ? button('移出名单', { 'data-unlist': l.id }, async () => {
          const r = await api('DELETE', S + '/reception-leaders/' + l.id);
          notice(messages, r.ok ? 'ok' : 'error', r.ok ? ['已移出名单：' + l.leader] : problemLines(r));
          await roster();
        }) : '已列入';
      }],
    ], checked.data, '名单内暂无领导') : failed(checked));
  }

  const receptionsAndRoster = () => Promise.all([receptions(), roster()]);
  const loads = [letters()];
  if (overseer) {
    for (const id of ['listings-section', 'backlog-section', 'receptions-section']) $(id).hidden = false;
    loads.push(listings(), backlog(), receptions(), roster());
  }
  if (supervisor) {
    $('listing-acts').replaceChildren(button('挂牌督办', { id: 'new-listing' }, () => open('listing-form', {
      act: 'listing', label: '挂牌督办', url: S + '/listings',
      fields: [text('target', '挂牌对象（单位代码或乡镇街道代码）', 40, { hint: '如 530302:rsj 或 530302001' }),
        area('reason', '挂牌原因', 2000), date('rectifyBy', '整改期限')],
    }, listings)));
    $('roster-acts').replaceChildren(button('列入接访领导名单', { id: 'new-roster-leader' }, () => open('roster-form', {
      act: 'roster', label: '列入接访领导名单', url: S + '/reception-leaders',
      fields: [text('leader', '领导', 50), text('post', '职务', 50), text('region', '领导所在区划', 12, { value: who.region })],
    }, roster)));
    $('reception-acts').replaceChildren(button('安排接访', { id: 'new-reception' }, () => open('reception-form', {
      act: 'reception', label: '安排领导接访', url: S + '/receptions',
      fields: [text('leader', '接访领导', 50), text('post', '职务', 50), text('region', '领导所在区划', 12, { value: who.region }),
        date('plannedOn', '接访日期'), text('place', '接访地点', 200)],
    }, receptionsAndRoster)));
  }
  const caseId = new URLSearchParams(location.search).get('case');
  if ((supervisor || leader) && caseId && /^[0-9a-fA-F-]{36}$/.test(caseId)) loads.push(offerLetter(caseId));
  await Promise.all(loads);
})();
