'use strict';
// 待办: the acts the caller's unit owes (GET /queue), soonest due first; the cases handed to the
// caller (我经办的); for a supervisor, what the units of a region owe. Each opens its case page.
(async () => {
  const { el, api, notice, problemLines, requireSignIn, table, hasRole, user, RULES } = Petition;
  requireSignIn();
  Petition.header('待办');
  const $ = (id) => document.getElementById(id);
  const SIZE = 50;
  let page = 0;
  let asked = 0; // as on 案件查询: only the answer to the latest question is shown
  const supervises = hasRole('supervisor', 'joint-office', 'leader');
  $('region-choice').hidden = !supervises;
  $('region').value = (user() || {}).region || '';
  const view = () => document.querySelector('input[name=view]:checked').value;
  document.querySelectorAll('input[name=view]').forEach((r) => r.addEventListener('change', () => {
    $('region-field').hidden = view() !== 'region';
    page = 0;
    load();
  }));

  async function load() {
    $('err-region').textContent = '';
    $('region').classList.remove('invalid');
    notice($('messages'), 'ok', []);
    const query = new URLSearchParams({ page, size: SIZE });
    if (view() === 'mine') query.set('mine', 'true');
    if (view() === 'region') query.set('region', $('region').value.trim());
    $('queue-title').textContent = { unit: '本单位待办', mine: '我经办的待办', region: '辖区各单位待办' }[view()];
    const mine = ++asked;
    const result = await api('GET', '/api/intake/queue?' + query);
    if (mine !== asked) return;
    if (!result.ok) {
      const error = ((result.problem || {}).errors || []).find((e) => e.field === 'region');
      if (error) {
        $('err-region').textContent = RULES[error.rule] || error.message;
        $('region').classList.add('invalid');
      }
      return notice($('messages'), 'error', problemLines(result));
    }
    const q = result.data;
    $('total').textContent = '（共 ' + q.total + (q.more ? '+' : '') + ' 项，本页超期 ' + q.overdueOnPage + ' 项）';
    const columns = [
      ['信访件编号', (w) => el('a', { href: '/case.html?id=' + encodeURIComponent(w.caseId) }, w.caseNumber)],
      ['待办环节', (w) => w.stepLabel],
      ['状态', (w) => w.statusLabel],
      ['内容分类', (w) => w.categoryName || w.category],
      ['到期日', (w) => w.dueOn],
      ['剩余天数', (w) => el('span', { class: w.daysLeft < 0 ? 'tag OVERDUE' : 'tag' }, w.daysLeft < 0 ? '超期 ' + -w.daysLeft + ' 天' : w.daysLeft + ' 天')],
      ['经办人', (w) => w.staff || ''],
    ];
    if (view() === 'region') columns.splice(2, 0, ['责任单位', (w) => w.unit]);
    $('items').replaceChildren(table(columns, q.items, '暂无待办'));
    const pages = Math.max(1, Math.ceil(q.total / SIZE));
    $('page-label').textContent = '第 ' + (page + 1) + ' / ' + pages + ' 页';
    $('previous').disabled = page === 0;
    $('next').disabled = (page + 1) * SIZE >= q.total && !q.more;
  }

  $('which').addEventListener('submit', (e) => { e.preventDefault(); page = 0; load(); });
  $('previous').addEventListener('click', () => { page -= 1; load(); });
  $('next').addEventListener('click', () => { page += 1; load(); });
  load();
})();
