'use strict';
// 网上信访: a citizen submits a petition without signing in, under real name, with a one-time code
// sent to their mobile. It goes to the queue of the matter's county 信访 office, to be registered
// there; the query code is shown at once. Nothing is kept in the browser.
(() => {
  const { api, el, notice, problemLines } = Petition;
  const $ = (id) => document.getElementById(id);
  const FIELDS = ['matterRegionCode', 'content', 'name', 'idNumber', 'address', 'phone', 'oneTimeCode'];
  // the platform's messages are Chinese, then English after ' / '
  const chinese = (line) => String(line || '').split(' / ')[0];
  let matterRegion = null;
  let queryCode = null;

  // 问题属地: from the node's region down, one select a level, to the county or the township
  async function pickers(path, depth) {
    const container = $('region-pickers');
    while (container.children.length > depth) container.lastChild.remove();
    const found = await api('GET', path);
    if (!found.ok) return notice($('messages'), 'error', problemLines(found));
    matterRegion = found.data.division.code;
    if (!found.data.children.length) return;
    container.append(el('select', {
      'data-depth': depth + 1,
      'aria-label': '问题属地第' + (depth + 1) + '级',
      onchange: (e) => (e.target.value
        ? pickers('/public/divisions/' + encodeURIComponent(e.target.value), depth + 1)
        : pickers(path, depth)),
    }, el('option', { value: '' }, '请选择'), found.data.children.map((d) => el('option', { value: d.code }, d.name))));
  }
  pickers('/public/divisions', 0);

  const value = (id) => $(id).value.trim();

  function clearErrors() {
    FIELDS.forEach((f) => ($(f + '-error').textContent = ''));
    notice($('messages'), 'error', []);
  }

  /** Puts each broken rule beside its field; what names no field goes above the form. */
  function showProblem(r) {
    const p = r.problem || {};
    const rest = [];
    for (const e of p.errors || []) {
      const field = String(e.field || '').split('.').pop();
      if (FIELDS.includes(field)) $(field + '-error').textContent = chinese(e.message) || e.rule;
      else rest.push(chinese(e.message) || e.rule);
    }
    if (!(p.errors || []).length) rest.push(r.status === 429 || r.status === 409 ? chinese(p.detail) : problemLines(r)[0]);
    if (rest.length) notice($('messages'), 'error', rest);
  }

  $('send-code').addEventListener('click', async () => {
    clearErrors();
    if (!/^1[3-9][0-9]{9}$/.test(value('phone'))) {
      $('phone-error').textContent = '请填写 11 位手机号码';
      return;
    }
    const r = await api('POST', '/public/submissions/one-time-code', { phone: value('phone') });
    if (!r.ok) return showProblem(r);
    $('code-sent').textContent = '验证码已发送至 ' + r.data.sentTo + '，' + r.data.validMinutes + ' 分钟内有效';
    $('oneTimeCode').focus();
  });

  $('submission').addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const body = {
      matterRegionCode: matterRegion,
      content: value('content'),
      name: value('name'),
      idNumber: value('idNumber').toUpperCase(),
      address: value('address'),
      phone: value('phone'),
      oneTimeCode: value('oneTimeCode'),
      smsConsent: $('smsConsent').checked,
    };
    const missing = {
      matterRegionCode: !matterRegion || matterRegion.length < 6 ? '请选择到县（市、区）或乡镇（街道）' : '',
      content: body.content ? '' : '请填写信访事项',
      name: body.name ? '' : '请填写姓名',
      idNumber: /^[0-9]{17}[0-9X]$/.test(body.idNumber) ? '' : '请填写 18 位居民身份证号码',
      address: body.address ? '' : '请填写住址',
      phone: /^1[3-9][0-9]{9}$/.test(body.phone) ? '' : '请填写 11 位手机号码',
      oneTimeCode: /^[0-9]{6}$/.test(body.oneTimeCode) ? '' : '请填写短信中的 6 位验证码',
    };
    Object.entries(missing).forEach(([f, m]) => ($(f + '-error').textContent = m));
    if (Object.values(missing).some((m) => m)) return;
    const r = await api('POST', '/public/submissions', body);
    if (!r.ok) return showProblem(r);
    $('office').textContent = r.data.office;
    queryCode = r.data.queryCode;
    $('query-code').textContent = r.data.queryCode;
    $('form-section').hidden = true;
    $('receipt').hidden = false;
  });

  // 上传材料: the file is the body, its name in Content-Disposition, the query code in a header
  // (never in the URL)
  $('attach').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = $('attach-file').files[0];
    $('attach-file-error').textContent = file ? '' : '请选择文件';
    if (!file) return;
    let response;
    try {
      response = await fetch('/public/submissions/attachments?kind=' + encodeURIComponent($('attach-kind').value), {
        method: 'POST',
        headers: {
          'X-Query-Code': queryCode,
          'Content-Type': file.type || 'application/octet-stream',
          'Content-Disposition': "attachment; filename*=UTF-8''" + encodeURIComponent(file.name),
        },
        body: file,
      });
    } catch (e) {
      $('attach-file-error').textContent = '无法连接平台，请检查网络后重试';
      return;
    }
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const lines = (data.errors || []).map((e) => chinese(e.message));
      $('attach-file-error').textContent = lines.length ? lines.join('；') : chinese(data.detail) || problemLines({ status: response.status, problem: data })[0];
      return;
    }
    $('attach-file').value = '';
    $('attached').append(el('li', {}, data.label + '：' + data.fileName));
  });
})();
