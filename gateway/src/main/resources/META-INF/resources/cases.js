'use strict';
// 案件查询: the cases the caller may see that meet the criteria (GET /cases), a page at a time,
// each opening its case page; the same list as a CSV file for Excel. The service checks every
// criterion; what it refuses is shown beside the field it names.
(async () => {
  const { el, api, notice, problemLines, requireSignIn, table, token, fieldName, RULES } = Petition;
  requireSignIn();
  Petition.header('案件查询');
  const $ = (id) => document.getElementById(id);
  const STATUSES = {
    REGISTERED: '已登记', FORWARDED: '已转送', ASSIGNED: '已交办', REFERRED: '已告知其他途径', OBJECTED: '异议待定',
    ACCEPTED: '已受理', DECLINED: '不予受理', OPINION_ISSUED: '已出具处理意见', REVIEW_REQUESTED: '复查中',
    REVIEWED: '已出具复查意见', REREVIEW_REQUESTED: '复核中', REREVIEWED: '已出具复核意见', CLOSED: '已办结', TERMINATED: '已终结',
  };
  $('status').append(...Object.entries(STATUSES).map(([value, label]) => el('option', { value }, label)));
  const SIZE = 20;
  let page = 0;
  // each search is numbered: the answer of one overtaken by a later search is dropped, so that a
  // slow earlier answer never replaces the one the clerk asked for last
  let asked = 0;

  /** The criteria of the form as query parameters (the page and format added by the caller). */
  function criteria() {
    const query = new URLSearchParams();
    for (const name of ['q', 'caseNumber', 'region', 'category', 'status', 'receivedFrom', 'receivedTo', 'sort']) {
      const value = $(name).value.trim();
      if (value) query.set(name, value);
    }
    const due = $('due').value;
    if (due === 'overdue') query.set('overdue', 'true');
    else if (due) query.set('dueWithin', due);
    return query;
  }

  function clearErrors() {
    document.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    document.querySelectorAll('.invalid').forEach((e) => { e.classList.remove('invalid'); e.removeAttribute('aria-invalid'); });
  }

  /** Puts each broken rule beside its field; what names no field goes above the results. */
  function showProblem(result) {
    const errors = (result.problem && result.problem.errors) || [];
    const elsewhere = [];
    for (const e of errors) {
      const box = $('err-' + e.field);
      const input = $(e.field) || (e.field === 'dueWithin' || e.field === 'overdue' ? $('due') : null);
      const text = RULES[e.rule] || e.message || e.rule;
      if (box) {
        box.textContent = text;
        if (input) { input.classList.add('invalid'); input.setAttribute('aria-invalid', 'true'); }
      } else {
        elsewhere.push(fieldName(e.field) + '：' + text);
      }
    }
    notice($('messages'), 'error', errors.length ? (elsewhere.length ? elsewhere : ['请按提示修改查询条件']) : problemLines(result));
    const first = document.querySelector('.invalid');
    if (first) first.focus();
  }

  /** A local check before asking: the service checks the same (and more). */
  function checkLocally() {
    const words = $('q').value.trim().split(/[\s\u3000]+/).filter(Boolean);
    if (words.some((w) => [...w.replace(/[^\p{L}\p{N}]/gu, '')].length < 2)) {
      return { status: 422, problem: { errors: [{ field: 'q', rule: 'WordLength' }] } };
    }
    const number = $('caseNumber').value.trim();
    if (number && !/^\d{2,9}-\d{8}-\d{5}$/.test(number)) {
      return { status: 400, problem: { errors: [{ field: 'caseNumber', rule: 'CaseNumber' }] } };
    }
    return null;
  }

  async function search() {
    clearErrors();
    notice($('messages'), 'ok', []);
    const local = checkLocally();
    if (local) {
      asked++; // what was asked before is not what the form now says
      return showProblem(local);
    }
    const query = criteria();
    query.set('page', page);
    query.set('size', SIZE);
    const mine = ++asked;
    const found = await api('GET', '/api/intake/cases?' + query);
    if (mine !== asked) return;
    if (!found.ok) return showProblem(found);
    const list = found.data;
    $('total').textContent = (list.more ? '（超过 ' + list.total + ' 件，请缩小范围）' : '（共 ' + list.total + ' 件）')
      + ((list.unanswered || []).length ? '；节点 ' + list.unanswered.join('、') + ' 未应答，其案件未列入' : '');
    $('results').replaceChildren(table([
      ['信访件编号', (c) => el('a', { href: '/case.html?id=' + encodeURIComponent(c.id) }, c.caseNumber)],
      ['状态', (c) => c.statusLabel],
      ['内容分类', (c) => c.categoryName || c.category],
      ['问题属地', (c) => c.matterRegionCode],
      ['责任单位', (c) => c.responsibleUnit || ''],
      ['收到日期', (c) => c.receivedOn],
      ['下一环节', (c) => c.nextStepLabel || ''],
      ['到期日', (c) => c.nextDueOn || ''],
      ['剩余天数', (c) => (c.daysLeft === null || c.daysLeft === undefined ? '' :
        el('span', { class: c.daysLeft < 0 ? 'tag OVERDUE' : 'tag' }, c.daysLeft < 0 ? '超期 ' + -c.daysLeft + ' 天' : c.daysLeft + ' 天'))],
    ], list.items, '没有符合条件的信访件'));
    const pages = Math.max(1, Math.ceil(list.total / SIZE));
    $('page-label').textContent = '第 ' + (page + 1) + ' / ' + pages + (list.more ? '+' : '') + ' 页';
    $('previous').disabled = page === 0;
    $('next').disabled = !list.more && (page + 1) * SIZE >= list.total;
  }

  $('search').addEventListener('submit', (e) => { e.preventDefault(); page = 0; search(); });
  $('previous').addEventListener('click', () => { page -= 1; search(); });
  $('next').addEventListener('click', () => { page += 1; search(); });
  $('export').addEventListener('click', async () => {
    clearErrors();
    const local = checkLocally();
    if (local) return showProblem(local);
    const query = criteria();
    query.set('format', 'csv');
    // a download cannot carry the token: fetch it, then hand the browser the file
    const response = await fetch('/api/intake/cases?' + query, { headers: { Authorization: 'Bearer ' + token() } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      return showProblem({ status: response.status, problem });
    }
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: '信访件查询.csv' });
    document.body.append(link);
    link.click();
    link.remove();
  });
  const start = new URLSearchParams(location.search);
  for (const name of ['q', 'caseNumber', 'region']) {
    if (start.get(name)) $(name).value = start.get(name);
  }
  search();
})();
