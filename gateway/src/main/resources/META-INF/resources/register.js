'use strict';
// 登记: the clerk's registration form. It checks what it can before sending (messages in
// Chinese), asks the intake service whether the petition repeats an earlier one and warns before
// saving, then registers and shows the case number and the petitioner's query code.
(async () => {
  const { el, api, notice, problemLines, requireSignIn, today } = Petition;
  const who = requireSignIn();
  Petition.header('登记信访件');
  const $ = (id) => document.getElementById(id);
  const messages = $('messages');
  $('receivedOn').value = today();

  // 内容分类: the second-level categories under their first-level heading
  const categories = await api('GET', '/api/intake/categories');
  if (categories.ok) {
    const tops = categories.data.filter((c) => c.topLevel);
    for (const top of tops) {
      const group = el('optgroup', { label: top.name });
      categories.data.filter((c) => c.parent === top.code).forEach((c) => group.append(el('option', { value: c.code }, c.name)));
      $('category').append(group);
    }
  } else {
    notice(messages, 'error', ['内容分类无法读取：'].concat(problemLines(categories)));
  }

  // 问题属地: one select per level below the clerk's own region
  let matterRegion = who.region;
  async function pickers(from, depth) {
    const container = $('region-pickers');
    while (container.children.length > depth) container.lastChild.remove();
    matterRegion = from;
    $('matterRegionCode').textContent = from;
    const found = await api('GET', '/api/routing/divisions/' + encodeURIComponent(from));
    if (!found.ok) return;
    if (depth === 0) container.append(el('span', { class: 'tag' }, found.data.path.map((d) => d.name).join(' › ')));
    if (!found.data.children.length) return;
    const select = el('select', { 'data-depth': depth + 1, onchange: (e) => pickers(e.target.value || from, depth + 1) },
      el('option', { value: '' }, '（' + found.data.division.name + '本级）'),
      found.data.children.map((d) => el('option', { value: d.code }, d.name)));
    container.append(select);
  }
  await pickers(who.region, 0);

  // 网上信访待登记: what citizens submitted online about matters in the office's region. 据此登记
  // fills the form from one (channel ONLINE, the citizen as petitioner); the case keeps its query
  // code. 不予登记 asks for the reason the citizen will read.
  let submissionId = null;
  async function submissions() {
    const found = await api('GET', '/api/intake/submissions');
    if (!found.ok) return notice($('submission-messages'), 'error', problemLines(found));
    $('submissions').replaceChildren(Petition.table([
      ['提交时间', (s) => (s.submittedAt || '').replace('T', ' ').slice(0, 16)],
      ['姓名', (s) => s.name],
      ['问题属地', (s) => s.matterRegionCode],
      ['信访事项', (s) => (s.content.length > 60 ? s.content.slice(0, 60) + '…' : s.content)],
      ['处理', (s) => el('span', {},
        el('button', { type: 'button', class: 'use-submission', 'data-id': s.id, onclick: () => fill(s) }, '据此登记'), ' ',
        el('button', { type: 'button', class: 'decline-submission', 'data-id': s.id, onclick: (e) => askReason(s, e.target) }, '不予登记'))],
    ], found.data, '暂无待登记的网上信访'));
  }

  async function fill(s) {
    submissionId = s.id;
    $('channel').value = 'ONLINE';
    $('receivedOn').value = new Date(Date.parse(s.submittedAt) + 8 * 3600 * 1000).toISOString().slice(0, 10);
    $('content').value = s.content;
    $('p-name').value = s.name;
    $('p-idType').value = s.idType || '';
    $('p-idNumber').value = s.idNumber || '';
    $('p-phone').value = s.phone;
    $('p-address').value = s.address;
    $('p-smsConsent').checked = s.smsConsent;
    await pickers(s.matterRegionCode, 0);
    notice(messages, 'ok', ['已据网上信访填写（查询码沿用提交时的），请补充信访类别、目的和内容分类后登记']);
    $('petitionClass').focus();
  }

  function askReason(s, button) {
    const reason = el('input', { id: 'decline-reason', maxlength: 1000, 'aria-label': '不予登记的理由（将告知信访人）', placeholder: '不予登记的理由（将告知信访人）' });
    const confirm = el('button', { type: 'button', id: 'decline-confirm', onclick: async () => {
      const r = await api('POST', '/api/intake/submissions/' + encodeURIComponent(s.id) + '/declination', { reason: reason.value.trim() });
      if (!r.ok) return notice($('submission-messages'), 'error', problemLines(r));
      notice($('submission-messages'), 'ok', ['已不予登记，信访人凭查询码可见理由']);
      submissions();
    } }, '确认不予登记');
    button.replaceWith(el('span', {}, reason, ' ', confirm));
    reason.focus();
  }
  await submissions();

  $('petitionClass').addEventListener('change', () => {
    $('accused-section').hidden = $('petitionClass').value !== 'ACCUSATION';
  });

  const value = (id) => $(id).value.trim();
  const orNull = (text) => (text === '' ? null : text);

  function request() {
    const accusation = value('petitionClass') === 'ACCUSATION';
    const anonymous = $('anonymous').checked;
    return {
      submissionId: submissionId || undefined,
      channel: orNull(value('channel')),
      receivedOn: orNull(value('receivedOn')),
      matterRegionCode: matterRegion,
      petitionClass: orNull(value('petitionClass')),
      purpose: orNull(value('purpose')),
      category: orNull(value('category')),
      content: value('content'),
      personCount: value('personCount') === '' ? null : Number(value('personCount')),
      anonymous,
      confidential: $('confidential').checked,
      petitioners: anonymous ? [] : [{
        kind: 'PERSON', name: value('p-name'), idType: orNull(value('p-idType')),
        idNumber: orNull(value('p-idNumber')), phone: orNull(value('p-phone')), address: orNull(value('p-address')),
        smsConsent: $('p-smsConsent').checked,
      }],
      accused: accusation && value('a-name') ? [{
        kind: value('a-kind'), name: value('a-name'), unitCode: orNull(value('a-unitCode')),
        post: orNull(value('a-post')), leader: $('a-leader').checked,
      }] : [],
    };
  }

  /** 校验: what the form can tell before sending, as field → message. */
  function check(r) {
    const errors = {};
    const required = { channel: '请选择信访形式', receivedOn: '请填写收到日期', petitionClass: '请选择信访类别', purpose: '请选择信访目的', category: '请选择内容分类' };
    for (const [field, text] of Object.entries(required)) if (!r[field]) errors[field] = text;
    if (r.receivedOn && r.receivedOn > today()) errors.receivedOn = '收到日期不能晚于今天';
    if (!r.content) errors.content = '请填写信访事项内容';
    if (!Number.isInteger(r.personCount) || r.personCount < 1) errors.personCount = '人数须为不小于 1 的整数';
    if (!/^\d{2}(\d{2}(\d{2}(\d{3})?)?)?$/.test(r.matterRegionCode || '')) errors.matterRegionCode = '请选择问题属地';
    const p = r.petitioners[0];
    if (p) {
      if (!p.name) errors['petitioners[0].name'] = '请填写信访人姓名（匿名信访请勾选“匿名”）';
      if (p.phone && !/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(p.phone)) errors['petitioners[0].phone'] = '联系电话格式不正确（手机 11 位，或区号-号码）';
      if (p.idNumber && !p.idType) errors['petitioners[0].idType'] = '请选择证件类型';
      if (p.smsConsent && !/^1[3-9]\d{9}$/.test(p.phone || '')) errors['petitioners[0].smsConsent'] = '短信告知须留 11 位手机号';
      if (p.idType === 'RESIDENT_ID' && p.idNumber && !/^\d{17}[\dX]$/.test(p.idNumber)) errors['petitioners[0].idNumber'] = '居民身份证号码应为 18 位';
    }
    if (p && r.channel === 'PHONE' && !p.phone) errors['petitioners[0].phone'] = '电话信访须留联系电话';
    if (p && r.channel === 'LETTER' && !p.address) errors['petitioners[0].address'] = '来信须留通信地址以便答复';
    if (p && r.channel === 'VISIT' && !p.idNumber) errors['petitioners[0].idNumber'] = '来访人须出示身份证件';
    if (p && r.channel === 'ONLINE' && !p.idNumber) errors['petitioners[0].idNumber'] = '网上信访实行实名制，须填写证件号码';
    if (p && r.channel === 'ONLINE' && !p.phone) errors['petitioners[0].phone'] = '网上信访须留联系电话';
    if (r.anonymous && r.channel === 'VISIT') errors.channel = '走访须实名登记';
    if (r.anonymous && r.petitionClass === 'APPEAL') errors.petitionClass = '申诉求决类不能匿名（只有检举控告、建议意见可以匿名）';
    const a = r.accused[0];
    if (a && a.unitCode && !/^\d{2,9}:[a-z]{2,16}$/.test(a.unitCode)) errors['accused[0].unitCode'] = '单位代码格式如 530302:zjj';
    return errors;
  }

  function show(errors) {
    document.querySelectorAll('.field-error').forEach((node) => { node.textContent = errors[node.dataset.for] || ''; });
    document.querySelectorAll('.invalid').forEach((node) => node.classList.remove('invalid'));
    const ids = { 'petitioners[0].name': 'p-name', 'petitioners[0].phone': 'p-phone', 'petitioners[0].idNumber': 'p-idNumber', 'petitioners[0].idType': 'p-idType', 'petitioners[0].address': 'p-address', 'petitioners[0].smsConsent': 'p-smsConsent', 'accused[0].unitCode': 'a-unitCode', 'accused[0].name': 'a-name' };
    for (const field of Object.keys(errors)) {
      const input = $(ids[field] || field);
      if (input && input.classList) input.classList.add('invalid');
    }
  }

  /** Shows the service's problem beside the fields it names, and above the button. */
  function showProblem(result) {
    const errors = {};
    for (const e of (result.problem && result.problem.errors) || []) errors[e.field] = Petition.problemLines({ problem: { errors: [e] } })[0];
    show(errors);
    notice(messages, 'error', problemLines(result));
  }

  let pending = null;

  async function register(body) {
    $('submit').disabled = true;
    const saved = await api('POST', '/api/intake/cases', body);
    $('submit').disabled = false;
    if (!saved.ok) return showProblem(saved);
    if (submissionId) {
      submissionId = null;
      submissions();
    }
    const c = saved.data.petitionCase || {};
    notice(messages, 'ok', []);
    const earlier = saved.data.repeatOf;
    if (!saved.data.petitionCase && earlier) {
      // 重复信访 of a matter still in the procedure: no new case, recorded on the earlier one
      $('result').replaceChildren(el('div', { class: 'notice ok', id: 'registered', role: 'status' },
        el('div', {}, saved.data.outcomeLabel || '重复信访，并入原件'),
        el('div', {}, '未新建信访件，已记入原件：', el('strong', { id: 'linked-case-number' }, earlier.caseNumber || '')),
        el('a', { href: '/case.html?id=' + encodeURIComponent(earlier.caseId), id: 'case-link' }, '查看原件')));
      $('register').querySelectorAll('input, textarea, select, button').forEach((node) => { node.disabled = true; });
      return;
    }
    $('result').replaceChildren(el('div', { class: 'notice ok', id: 'registered', role: 'status' },
      el('div', {}, '登记成功（' + (saved.data.outcomeLabel || saved.data.outcome || '') + '）'),
      el('div', {}, '信访件编号：', el('strong', { id: 'case-number' }, c.caseNumber || '')),
      saved.data.queryCode ? el('div', {}, '查询码（请告知信访人）：', el('strong', { id: 'query-code' }, saved.data.queryCode)) : null,
      c.id ? el('a', { href: '/case.html?id=' + encodeURIComponent(c.id), id: 'case-link' }, '查看信访件') : null));
    $('register').querySelectorAll('input, textarea, select, button').forEach((node) => { node.disabled = true; });
  }

  $('register').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('repeat-warning').hidden = true;
    $('result').replaceChildren();
    const body = request();
    const errors = check(body);
    show(errors);
    if (Object.keys(errors).length) return notice(messages, 'error', ['请按提示修改后再登记（共 ' + Object.keys(errors).length + ' 处）']);
    notice(messages, 'ok', []);
    const repeat = await api('POST', '/api/intake/cases/repeat-check', body);
    if (!repeat.ok) return showProblem(repeat);
    if (repeat.data.matches && repeat.data.matches.length) {
      pending = body;
      $('repeat-matches').replaceChildren(Petition.table([
        ['信访件编号', (m) => m.caseNumber], ['状态', (m) => m.statusLabel || m.status],
        ['办理单位', (m) => m.handlingUnitName || ''], ['相似度', (m) => Math.round((m.similarity || 0) * 100) + '%'],
        ['依据', (m) => m.matchedOn || ''],
      ], repeat.data.matches));
      $('repeat-warning').hidden = false;
      return;
    }
    await register(body);
  });
  $('confirm-register').addEventListener('click', async () => {
    $('repeat-warning').hidden = true;
    if (pending) await register(pending);
  });
  $('cancel-register').addEventListener('click', () => { $('repeat-warning').hidden = true; pending = null; });
  $('submit').disabled = false; // ready: the form is checked before anything is sent
})();
