'use strict';
// 表单: the forms of the acts, built from a list of fields. The handling acts (docs/lifecycle.md),
// one per endpoint under /api/intake/cases/{id}/: which of them a user is offered the service
// decides (GET …/acts: by the case's status, its periods and the user's role and unit). The
// supervision acts (督办函、挂牌、积案、接访) are offered by the page 督办. The service checks every
// field, and what it refuses is shown beside the field it names.
const Forms = (() => {
  const { el, api, fieldName, RULES } = Petition;

  const text = (name, label, max, extra) => ({ name, label, type: 'text', max, ...extra });
  const area = (name, label, max, extra) => ({ name, label, type: 'textarea', max, ...extra });
  const date = (name, label, extra) => ({ name, label, type: 'date', ...extra });
  const choice = (name, label, options, extra) => ({ name, label, type: 'select', options, ...extra });
  const RATINGS = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', UNSATISFIED: '不满意' };
  const OUTCOMES = { SUPPORTED: '支持', EXPLAINED: '解释说明', NOT_SUPPORTED: '不予支持' };
  const opinion = [
    choice('outcome', '处理结果', OUTCOMES),
    area('request', '信访请求', 4000), area('facts', '查明事实', 8000), area('reasons', '处理理由', 8000),
    text('legalBasis', '法律政策依据', 2000),
    date('servedOn', '送达日期', { optional: true, hint: '不填为今天' }),
    { name: 'notForDisclosure', label: '不宜公开（不纳入满意度评价）', type: 'checkbox' },
  ];
  const closure = [
    { group: 'checklist', label: '三到位一处理（至少填写一项）' },
    area('checklist.problemSolved', '诉求合理的解决问题到位', 2000, { optional: true }),
    area('checklist.counselled', '诉求无理的思想教育到位', 2000, { optional: true }),
    area('checklist.assisted', '生活困难的帮扶救助到位', 2000, { optional: true }),
    area('checklist.dealtWithByLaw', '行为违法的依法处理', 2000, { optional: true }),
    area('summary', '办理情况说明', 4000),
  ];

  /** The fields of each handling act's request body, as HandlingRequests.java declares them. */
  const HANDLING = {
    referral: [
      choice('route', '法定途径', {
        LITIGATION: '诉讼、复议、检察等法定程序', ARBITRATION: '仲裁', PARTY_APPEAL: '党员申诉、复审',
        ADMINISTRATIVE: '行政程序', LAW_ENFORCEMENT: '依法履行职责的机关',
      }),
      text('channel', '受理机关', 100), area('explanation', '告知内容', 2000),
    ],
    acceptance: [area('notice', '受理告知', 2000, { value: '您反映的问题已受理，我单位将依法在60日内书面答复。' })],
    declination: [area('reason', '不予受理理由', 2000), text('legalBasis', '依据', 500)],
    objection: [area('reason', '异议理由（详细说明不属本单位职权的理由）', 2000)],
    'objection-decision': [
      choice('upheld', '异议是否成立', { true: '异议成立，改送其他单位', false: '异议不成立，由原单位办理' }),
      { name: 'unit.code', label: '改送单位（异议成立时）', type: 'unit', optional: true },
      choice('mode', '方式', { FORWARD: '转送', ASSIGN: '交办' }, { optional: true }),
      { name: 'reportDays', label: '交办报送期限（日，仅交办）', type: 'number', min: 1, max: 180, optional: true },
      area('reason', '理由', 2000),
    ],
    'routing-by-hand': [
      { name: 'unit.code', label: '转送或交办单位', type: 'unit' },
      choice('mode', '方式', { FORWARD: '转送', ASSIGN: '交办' }, { optional: true }),
      { name: 'reportDays', label: '交办报送期限（日，仅交办）', type: 'number', min: 1, max: 180, optional: true },
      area('reason', '理由（为何不按规则建议办理）', 2000),
    ],
    'matter-place': [
      text('matterRegionCode', '正确的问题属地（区划代码，县 6 位或乡 9 位）', 9),
      area('reason', '更正理由', 2000),
      { name: 'unit.code', label: '改送单位（现办理单位不辖新属地时）', type: 'unit', optional: true },
      choice('mode', '方式', { FORWARD: '转送', ASSIGN: '交办' }, { optional: true }),
      { name: 'reportDays', label: '交办报送期限（日，仅交办）', type: 'number', min: 1, max: 180, optional: true },
    ],
    extension: [
      { name: 'days', label: '延长天数', type: 'number', min: 1, max: 30, value: '30' },
      text('approvedBy', '批准人（本机关负责人）', 64), area('reason', '延期理由（告知信访人）', 2000),
    ],
    hearings: [date('heldFrom', '听证开始日期'), date('heldTo', '听证结束日期'), area('summary', '听证情况', 4000)],
    mediation: [date('agreedOn', '协议日期'), area('agreement', '调解（和解）协议内容', 4000)],
    assistance: [
      { name: 'unitCode', label: '协办单位', type: 'unit' },
      area('tasks', '协办事项', 2000),
      date('dueOn', '协办期限（工作日，不晚于本单位办理期限）'),
    ],
    contribution: [area('contribution', '协办意见（书面反馈主办单位）', 4000)],
    'assistance-withdrawal': [
      { name: 'unitCode', label: '撤回协办的单位', type: 'unit' },
      area('reason', '撤回理由', 2000),
    ],
    opinion,
    staff: [text('user', '经办人（登录名）', 64), area('note', '说明（如人员变动移交）', 500, { optional: true })],
    'closing-report': [area('summary', '办理结果', 8000)],
    evaluation: [
      choice('channel', '评价渠道', { COUNTER: '现场评价（信访人在接待场所）', RETURN_VISIT: '回访' }),
      choice('satisfaction', '对办理单位答复的评价', RATINGS),
      choice('officeSatisfaction', '对信访部门的评价', RATINGS, { optional: true }),
      area('remarks', '意见', 2000, { optional: true }),
    ],
    'review-request': [date('receivedOn', '收到申请日期'), area('reasons', '申请理由', 4000)],
    'review-opinion': opinion,
    closure,
    termination: closure,
  };

  const id = (name) => 'act-' + name.replace(/\./g, '-');

  /** The input of one field, with its label and the place its error is shown. */
  function field(f, region) {
    if (f.group) {
      return el('div', { class: 'group', id: id(f.group), tabindex: '-1' }, el('strong', {}, f.label),
        el('div', { class: 'field-error', id: id(f.group) + '-error', role: 'alert' }));
    }
    const attrs = { id: id(f.name), name: f.name, 'aria-describedby': id(f.name) + '-error' };
    let input;
    if (f.type === 'textarea') {
      input = el('textarea', { ...attrs, maxlength: f.max, rows: 3 }, f.value || '');
    } else if (f.type === 'select') {
      input = el('select', attrs, f.optional ? el('option', { value: '' }, '（请选择）') : null,
        Object.entries(f.options).map(([value, label]) => el('option', { value }, label)));
    } else if (f.type === 'unit') {
      // the units of a region (any region in the caller's subtree: a city sends a matter to a
      // county's bureau), listed again when the region changes
      input = el('select', attrs, el('option', { value: '' }, '（请选择）'));
      const where = el('input', { id: id(f.name) + '-region', inputmode: 'numeric', value: region, 'aria-label': '单位所在区划代码' });
      const list = async () => {
        const r = await api('GET', '/api/routing/units?region=' + encodeURIComponent(where.value.trim()));
        input.replaceChildren(el('option', { value: '' }, r.ok ? '（请选择）' : '（区划代码不正确）'),
          ...(r.ok ? r.data.map((u) => el('option', { value: u.code, 'data-name': u.name }, u.name + '（' + u.code + '）')) : []));
      };
      where.addEventListener('change', list);
      list();
      return el('div', { class: 'act-field' },
        el('label', { for: id(f.name) }, f.label),
        el('div', { class: 'unit-choice' }, el('label', { for: id(f.name) + '-region' }, '区划'), where, input),
        el('div', { class: 'field-error', id: id(f.name) + '-error' }));
    } else if (f.type === 'lines') {
      input = el('textarea', { ...attrs, rows: 3 }, f.value || '');
    } else if (f.type === 'checkbox') {
      input = el('input', { ...attrs, type: 'checkbox' });
    } else {
      input = el('input', { ...attrs, type: f.type, maxlength: f.max, min: f.min, max: f.type === 'number' ? f.max : undefined, value: f.value });
    }
    return el('div', { class: 'act-field' },
      el('label', { for: id(f.name) }, f.label + (f.optional || f.type === 'checkbox' ? '' : ' *'), f.hint ? el('span', { class: 'muted' }, '（' + f.hint + '）') : null),
      input, el('div', { class: 'field-error', id: id(f.name) + '-error' }));
  }

  /** The request body from the form: nested names (checklist.counselled) become nested objects. */
  function body(form, fields) {
    const result = {};
    // a group (三到位一处理) is sent even when empty, so that the service names it
    for (const f of fields.filter((x) => x.group)) result[f.group] = {};
    for (const f of fields.filter((x) => x.name)) {
      const input = form.querySelector('#' + id(f.name));
      let value = f.type === 'checkbox' ? input.checked : input.value.trim();
      if (value === '') continue;
      if (f.type === 'number') value = Number(value);
      if (f.type === 'lines') value = value.split(/\n+/).map((l) => l.trim()).filter(Boolean);
      if (f.options && Object.keys(f.options).join() === 'true,false') value = value === 'true';
      const path = f.name.split('.');
      let target = result;
      for (const part of path.slice(0, -1)) target = target[part] = target[part] || {};
      target[path[path.length - 1]] = value;
      // a unit chosen from the list is sent with its name beside its code
      if (f.type === 'unit' && path.length > 1) target.name = input.selectedOptions[0].dataset.name;
    }
    return result;
  }

  /** The form of one handling act offered on a case (GET …/acts). */
  function handlingAct(caseId, offered, region, messages, onDone) {
    return build({
      act: offered.act, label: offered.label, fields: HANDLING[offered.act] || [], region, messages, onDone,
      url: '/api/intake/cases/' + encodeURIComponent(caseId) + '/' + offered.act,
    });
  }

  /**
   * A form that posts its fields to url. onDone(answer) is called with the service's answer; what
   * the service refuses is put beside its field (aria-invalid, focus), the rest into messages.
   * extra: values sent beside the fields (such as the case a letter is about).
   */
  function build({ act, label, fields, url, region, messages, onDone, extra }) {
    const submit = el('button', { type: 'submit', class: 'primary' }, '提交：' + label);
    const node = el('form', { class: 'act-form', 'data-act': act, novalidate: true },
      el('h3', {}, label), fields.map((f) => field(f, region)), submit);
    node.addEventListener('submit', async (e) => {
      e.preventDefault();
      node.querySelectorAll('.field-error').forEach((x) => { x.textContent = ''; });
      node.querySelectorAll('[aria-invalid]').forEach((x) => { x.classList.remove('invalid'); x.removeAttribute('aria-invalid'); });
      submit.disabled = true;
      const answer = await api('POST', url, { ...body(node, fields), ...(extra || {}) });
      submit.disabled = false;
      if (answer.ok) return onDone(answer);
      const errors = (answer.problem && answer.problem.errors) || [];
      const elsewhere = [];
      for (const error of errors) {
        // a list's item (team[0]) is shown at the list
        const name = (error.field || '').replace(/\[\d+\]/g, '').replace(/^unit$/, 'unit.code');
        const box = node.querySelector('#' + id(name) + '-error');
        const message = RULES[error.rule] || error.message || error.rule;
        if (!box) { elsewhere.push(fieldName(error.field) + '：' + message); continue; }
        box.textContent = message;
        const input = node.querySelector('#' + id(name));
        input.classList.add('invalid');
        input.setAttribute('aria-invalid', 'true');
      }
      Petition.notice(messages, 'error', errors.length ? (elsewhere.length ? elsewhere : ['请按提示修改后再提交']) : Petition.problemLines(answer));
      const first = node.querySelector('[aria-invalid]');
      if (first) first.focus();
    });
    return node;
  }

  return { HANDLING, handlingAct, build, fields: { text, area, date, choice } };
})();
