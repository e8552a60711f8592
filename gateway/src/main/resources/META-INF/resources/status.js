'use strict';
// 办理进度查询: the petitioner follows the case with the query code given at registration. No
// sign-in; the answer names the case, its unit and its steps, nothing about anyone.
(() => {
  const { api, notice, problemLines, table, STEPS } = Petition;
  const $ = (id) => document.getElementById(id);
  $('query').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('answer').hidden = true;
    notice($('messages'), 'error', []);
    const code = $('query-code').value.trim();
    if (!/^[2-9A-HJ-NP-Za-hj-np-z]{10}$/.test(code)) {
      $('query-code-error').textContent = '查询码为 10 位字母或数字（不含 0、1、I、O）';
      return;
    }
    $('query-code-error').textContent = '';
    const r = await api('POST', '/public/case-status', { queryCode: code });
    if (!r.ok) {
      return notice($('messages'), 'error', r.status === 404 ? ['未找到该查询码对应的信访件，请核对后重试'] : problemLines(r));
    }
    $('case-number').textContent = r.data.caseNumber;
    $('received-on').textContent = r.data.receivedOn || '';
    $('status').textContent = r.data.status || '';
    $('handling-unit').textContent = r.data.handlingUnit || '（正在确定）';
    $('steps').replaceChildren(table([
      ['环节', (s) => STEPS[s.step] || s.step], ['期限', (s) => s.dueOn || ''], ['完成', (s) => s.doneOn || '未完成'],
    ], r.data.steps || [], '尚无办理环节'));
    $('answer').hidden = false;
  });
})();
