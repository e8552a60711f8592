'use strict';
// 办理进度查询: the petitioner follows the case with the query code given at registration. No
// sign-in; the answer names the case, its unit, its steps, the SMS sent and the notices and opinions
// served (addressed to 信访人), nothing about anyone.
// While the evaluation is open, the petitioner rates the answer and the 信访 office with a one-time
// code sent to the mobile number on file (网上评价).
(() => {
  const { api, notice, problemLines, table, STEPS } = Petition;
  const $ = (id) => document.getElementById(id);
  const RATINGS = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', UNSATISFIED: '不满意' };
  const SMS = { QUEUED: '待发送', SENT: '已发送', DELIVERED: '已送达', UNDELIVERED: '未送达', FAILED: '发送失败' };
  // the platform's messages are Chinese, then English after ' / '
  const chinese = (line) => String(line || '').split(' / ')[0];
  let queryCode = null;

  function show(status) {
    $('case-number').textContent = status.caseNumber;
    $('received-on').textContent = status.receivedOn || '';
    $('status').textContent = status.status || '';
    $('handling-unit').textContent = status.handlingUnit || '（正在确定）';
    $('steps').replaceChildren(table([
      ['环节', (s) => STEPS[s.step] || s.step], ['期限', (s) => s.dueOn || ''], ['完成', (s) => s.doneOn || '未完成'],
    ], status.steps || [], '尚无办理环节'));
    $('notices').replaceChildren(table([
      ['告知事项', (n) => n.notice], ['状态', (n) => SMS[n.status] || n.status],
      ['时间', (n) => (n.queuedAt || '').replace('T', ' ').slice(0, 16)],
    ], status.notices || [], '没有发送短信（登记时未同意短信告知或未留手机号码）'));
    $('documents').replaceChildren(...documents(status.documents || []));
    $('answer').hidden = false;
    const e = status.evaluation;
    $('evaluation').hidden = !e;
    if (!e) return;
    $('evaluate').hidden = !e.open;
    $('evaluation-state').textContent = e.satisfaction
      ? '已评价（' + (e.channel || '') + '）：对答复' + RATINGS[e.satisfaction]
        + (e.officeSatisfaction ? '，对信访部门' + RATINGS[e.officeSatisfaction] : '') + '。'
      : e.open ? '请于 ' + e.dueOn + ' 前评价。' : '评价期已于 ' + e.dueOn + ' 结束（超期未评价）。';
  }

  // each notice or opinion served, as it prints: title, issuer and date, then its sections (text
  // only: what an office wrote is never read as HTML)
  function documents(served) {
    if (!served.length) {
      const none = document.createElement('p');
      none.className = 'muted';
      none.textContent = '尚未出具告知书或意见书';
      return [none];
    }
    return served.map((d, i) => {
      const box = document.createElement('details');
      box.className = 'served-document';
      box.open = i === served.length - 1;
      const title = document.createElement('summary');
      title.textContent = d.title + '（' + d.issuer + '，' + d.issuedOn + '）';
      box.append(title);
      for (const s of d.sections || []) {
        const p = document.createElement('p');
        if (s.heading) {
          const h = document.createElement('strong');
          h.textContent = s.heading + '：';
          p.append(h);
        }
        p.append(document.createTextNode(s.text || ''));
        box.append(p);
      }
      return box;
    });
  }

  $('query').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('answer').hidden = true;
    $('evaluation').hidden = true;
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
    queryCode = code;
    show(r.data);
  });

  $('send-code').addEventListener('click', async () => {
    notice($('evaluation-messages'), 'error', []);
    const r = await api('POST', '/public/case-status/one-time-code', { queryCode });
    if (!r.ok) {
      const p = r.problem || {};
      return notice($('evaluation-messages'), 'error',
        r.status === 429 || r.status === 409 ? [chinese(p.detail) || problemLines(r)[0]] : problemLines(r));
    }
    $('code-sent').textContent = '验证码已发送至 ' + r.data.sentTo.join('、') + '，' + r.data.validMinutes + ' 分钟内有效';
    $('one-time-code').focus();
  });

  $('evaluate').addEventListener('submit', async (event) => {
    event.preventDefault();
    notice($('evaluation-messages'), 'error', []);
    const picked = (name) => (document.querySelector('input[name="' + name + '"]:checked') || {}).value;
    const body = {
      queryCode,
      oneTimeCode: $('one-time-code').value.trim(),
      satisfaction: picked('satisfaction'),
      officeSatisfaction: picked('officeSatisfaction'),
      remarks: $('remarks').value.trim() || undefined,
    };
    $('satisfaction-error').textContent = body.satisfaction ? '' : '请选择对答复的评价';
    $('office-satisfaction-error').textContent = body.officeSatisfaction ? '' : '请选择对信访部门的评价';
    $('one-time-code-error').textContent = /^[0-9]{6}$/.test(body.oneTimeCode) ? '' : '请填写短信中的 6 位验证码';
    if (!body.satisfaction || !body.officeSatisfaction || !/^[0-9]{6}$/.test(body.oneTimeCode)) return;
    const r = await api('POST', '/public/case-status/evaluation', body);
    if (!r.ok) {
      const p = r.problem || {};
      const wrong = (p.errors || []).find((e) => e.field === 'oneTimeCode');
      if (wrong) {
        $('one-time-code-error').textContent = chinese(wrong.message);
        return;
      }
      return notice($('evaluation-messages'), 'error', r.status === 409 ? [chinese(p.detail)] : problemLines(r));
    }
    show(r.data);
    notice($('evaluation-messages'), 'ok', ['评价已提交，感谢您的评价。']);
  });
})();
