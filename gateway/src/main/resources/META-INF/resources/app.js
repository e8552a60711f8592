// 信访工作平台 pages: what every page shares. Every value from the services is put into the page
// as text (textContent), never as markup. The token lives in this tab's sessionStorage only.
'use strict';

const Petition = (() => {
  const TOKEN = 'petition.token';
  const USER = 'petition.user';

  const token = () => sessionStorage.getItem(TOKEN);
  const user = () => JSON.parse(sessionStorage.getItem(USER) || 'null');

  function signIn(accessToken, who) {
    sessionStorage.setItem(TOKEN, accessToken);
    sessionStorage.setItem(USER, JSON.stringify(who));
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(USER);
    location.href = '/index.html';
  }

  /** Sends the user to the sign-in page unless signed in; returns the user. */
  function requireSignIn() {
    if (!token()) {
      location.href = '/index.html?next=' + encodeURIComponent(location.pathname + location.search);
      throw new Error('not signed in');
    }
    return user();
  }

  function hasRole(...roles) {
    const who = user();
    return !!who && roles.some((r) => (who.roles || []).includes(r));
  }

  /**
   * Calls the platform. Resolves to {status, ok, data, problem}; never rejects on an HTTP error,
   * so that each page says in Chinese what went wrong.
   */
  async function api(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (token()) headers.Authorization = 'Bearer ' + token();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      return { status: 0, ok: false, problem: { title: '网络错误', detail: '无法连接平台' } };
    }
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
    if (response.status === 401 && token()) {
      // an expired or revoked token: sign in again and come back
      sessionStorage.removeItem(TOKEN);
    }
    return response.ok
      ? { status: response.status, ok: true, data }
      : { status: response.status, ok: false, problem: data && typeof data === 'object' ? data : {} };
  }

  /** 环节: the deadline steps' names, as common/.../events/Step.java gives them (a test compares). */
  const STEPS = {
    FORWARD: '转送交办', ACCEPT: '受理告知', OBJECT: '异议', HANDLE: '办理答复', REPORT: '办结报告',
    EVALUATE: '满意度评价', REQUEST_REVIEW: '申请复查', REVIEW: '复查', REQUEST_REREVIEW: '申请复核', REREVIEW: '复核',
    ASSIST: '协办',
  };

  /** 字段名: the Chinese names of the fields the services name in their problems. */
  const FIELDS = {
    channel: '信访形式', receivedOn: '收到日期', matterRegionCode: '问题属地', petitionClass: '信访类别',
    purpose: '信访目的', category: '内容分类', content: '信访事项', personCount: '人数',
    involvedCount: '涉及人数', anonymous: '匿名', confidential: '保密', origin: '来源',
    petitioners: '信访人', name: '姓名', idType: '证件类型', idNumber: '证件号码', phone: '联系电话',
    address: '住址', smsConsent: '同意短信告知', accused: '被反映人', unitCode: '单位代码', unitName: '单位名称', post: '职务',
    queryCode: '查询码', oneTimeCode: '短信验证码', officeSatisfaction: '对信访部门的评价', channel: '评价渠道', body: '请求内容', user: '用户',
    q: '内容关键词', caseNumber: '信访件编号', region: '区域', status: '状态', sort: '排序', receivedFrom: '收到日期起',
    receivedTo: '收到日期止', dueWithin: '时限', overdue: '已超期', page: '页码', size: '每页件数', mine: '我经办的',
    // the handling acts (acts.js)
    notice: '受理告知', reason: '理由', legalBasis: '依据', days: '延长天数', approvedBy: '批准人', heldFrom: '听证开始日期',
    heldTo: '听证结束日期', summary: '说明', agreedOn: '协议日期', agreement: '协议内容', outcome: '处理结果',
    request: '信访请求', facts: '事实', reasons: '理由', servedOn: '送达日期', satisfaction: '评价', remarks: '意见',
    checklist: '三到位一处理', route: '法定途径', explanation: '告知内容', upheld: '异议是否成立', mode: '方式',
    reportDays: '报送期限', note: '说明', unit: '单位', code: '代码', tasks: '协办事项', dueOn: '协办期限',
    contribution: '协办意见',
    // the supervision acts (supervision.js)
    kind: '函件种类', recipientUnit: '收函单位', caseIds: '信访件', caseId: '信访件', replyDueOn: '回复期限', answer: '办理情况',
    target: '挂牌对象', rectifyBy: '整改期限', passed: '验收结论', findings: '验收意见', leaderName: '包案领导',
    leaderPost: '领导职务', team: '工作专班成员', plan: '化解方案', resolveBy: '化解期限', report: '化解情况',
    resolution: '三到位一处理', petitionerStatement: '信访人书面意见', leader: '接访领导', post: '职务', plannedOn: '接访日期',
    place: '接访地点', held: '是否举行', persons: '接待人次', batches: '接待批次',
  };

  /** 规则: the Chinese for the rules the services name. */
  const RULES = {
    NotBlank: '不能为空', NotNull: '必须填写', NotEmpty: '不能为空', Pattern: '格式不正确',
    Size: '长度超出限制', Max: '数值过大', Min: '数值过小', Positive: '必须为正数', PastOrPresent: '不能晚于今天',
    type: '类型或格式不正确', DivisionCode: '不是有效的行政区划代码', Category: '不是有效的内容分类（须为二级分类）',
    IdDocument: '证件号码校验不通过', Uuid: '不是有效的系统标识', CaseId: '不是有效的系统标识', emptyWhenAnonymous: '匿名信访不登记信访人',
    noAnonymousVisit: '走访须实名登记', atLeastPersonCount: '不能少于人数',
    onlyForAccusations: '只有检举控告类才登记被反映人', requiredForPhone: '电话信访须留联系电话',
    leaderReceptionIsAVisit: '领导接访只接待走访',
    anonymousOnlyForAccusationsAndSuggestions: '只有检举控告、建议意见可以匿名', requiredUnlessAnonymous: '非匿名信访须登记信访人',
    atLeastThePetitionersNamed: '不能少于登记的信访人数', requiredForAccusation: '检举控告须写明被反映人或单位',
    requiredForOrigin: '须写明转来的机构或人员', onlyForAgentOrLeader: '只有代理、领导接访、上级转来的才登记',
    requiredForVisit: '来访人须出示身份证件', requiredForOnline: '网上信访实行实名制，须填写',
    requiredForLetter: '来信须留通信地址以便答复（第十九条）',
    WordLength: '每个关键词至少两个字（用空格分隔多个词）', Words: '请填写一至八个关键词', OneOf: '不是可选的值',
    Range: '超出允许范围', FromBeforeTo: '截止日期不能早于起始日期', OverdueOrDueWithin: '“已超期”与“N 日内到期”只能选一个',
    RelevanceNeedsWords: '按相关度排序须填写内容关键词', RegionOrMine: '“辖区”与“我经办的”只能选一个',
    CaseNumber: '编号格式应如 530302-20261203-00001', Date: '不是有效的日期',
    // the handling acts (Handling.java)
    MaxExtension: '超过允许延长的天数（第三十四条：不超过30日）', NotBeforeStart: '不能早于开始日期',
    InsidePeriod: '须在本环节办理期限之内', NoOverlap: '与已登记的听证日期重叠', ThreeInPlaceOneDealt: '三到位一处理至少填写一项',
    NotBeforeService: '不能早于意见送达之日', AppealOnly: '只有申诉求决类事项告知其他途径（第三十一条）',
    KnownUnit: '不是单位表中的单位', WithinDecidingRegion: '只能改送本辖区的单位', DifferentUnit: '须改送提出异议的单位以外的单位',
    NotTheAccused: '不得改送被反映（检举控告）的单位', AssignOnly: '只有交办才设定报送期限', Changed: '该信访件已由此人经办',
    WithinLeadPeriod: '协办期限须晚于今天且不晚于主办单位的办理期限', WorkingDay: '须为工作日（法定节假日、休息日除外）',
    NotTheLead: '主办单位不能作为协办单位', HostedHere: '该单位不在本节点，不能商请协办', AskedToAssist: '该单位没有待反馈的协办',
    AboveTheAccusedLeader: '主要领导被检举控告的，不得交其下属单位',
    // the supervision acts (supervision-service)
    KnownDivision: '不是有效的行政区划', WithinPlanningWindow: '接访日期须在今后一年内（或补录近期已举行的）',
    RequiredWhenHeld: '举行接访须填写接待人次和批次', KnownCase: '辖区内无此信访件', KnownUnitOrTownship: '须为单位代码或乡镇（街道）代码',
    Future: '须晚于今天',
    // the petitioner's own evaluation (PublicStatusResource)
    MobileOnFile: '登记时未留手机号码，无法发送验证码，请到信访接待场所现场评价',
  };

  /** The Chinese name of a field path such as petitioners[0].phone. */
  function fieldName(path) {
    return (path || '')
      .split('.')
      .map((part) => {
        const m = part.match(/^([A-Za-z]+)(?:\[(\d+)\])?$/);
        if (!m) return part;
        const base = FIELDS[m[1]] || m[1];
        return m[2] === undefined ? base : base + '（第' + (Number(m[2]) + 1) + '位）';
      })
      .join('·');
  }

  /** One line of Chinese per broken rule, or the problem's title when it names none. */
  function problemLines(result) {
    const p = result.problem || {};
    if (p.errors && p.errors.length) {
      return p.errors.map((e) => fieldName(e.field) + '：' + (RULES[e.rule] || e.message || e.rule));
    }
    const byStatus = {
      0: '无法连接平台，请检查网络后重试',
      400: '提交的内容有误',
      401: '登录已过期，请重新登录',
      403: '无权进行此操作或查看此内容（不在您的职权或辖区范围内）',
      404: '未找到',
      409: '与当前状态冲突，请刷新后重试',
      413: '提交的内容过大',
      422: '不符合办理规则',
      429: '操作过于频繁，请稍后再试',
      503: '平台暂时不可用，请稍后再试',
    };
    const line = byStatus[result.status] || '平台出错（' + result.status + '）';
    return p.detail && result.status >= 400 && result.status < 500 && result.status !== 403
      ? [line + '：' + p.detail]
      : [line];
  }

  /** Makes an element: attributes, then children (strings become text nodes). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function notice(target, kind, lines) {
    target.replaceChildren(
      ...(lines.length ? [el('div', { class: 'notice ' + kind, role: 'alert' }, lines.map((l) => el('div', {}, l)))] : []));
  }

  /**
   * A table with a header row and one row per item, in a box that scrolls sideways on a narrow
   * screen; each cell carries its column's name for the phone layout (app.css).
   */
  function table(columns, items, empty) {
    if (!items.length) return el('p', { class: 'muted' }, empty || '暂无');
    return el('div', { class: 'table-box' }, el('table', {},
      el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c[0])))),
      el('tbody', {}, items.map((item) => el('tr', {}, columns.map((c) => el('td', { 'data-label': c[0] }, c[1](item))))))));
  }

  /** The bar at the top of every page: the title, who is signed in, the way out. */
  function header(title) {
    const who = user();
    const links = [el('a', { href: '/index.html' }, '首页')];
    if (hasRole('registrar')) links.push(el('a', { href: '/register.html' }, '登记'));
    links.push(el('a', { href: '/queue.html' }, '待办'), el('a', { href: '/cases.html' }, '案件查询'));
    if (hasRole('supervisor', 'joint-office', 'leader', 'handler')) links.push(el('a', { href: '/supervision.html' }, '督办'));
    if (hasRole('supervisor', 'joint-office', 'leader')) links.push(el('a', { href: '/dashboard.html' }, '看板'));
    links.push(el('a', { href: '/status.html' }, '进度查询'));
    const bar = el('header', { class: 'bar' }, el('h1', {}, '信访工作平台 · ' + title), links,
      who ? el('span', { id: 'who' }, who.displayName || who.user) : null,
      who ? el('button', { id: 'sign-out', onclick: signOut }, '退出') : null);
    document.body.prepend(bar);
    document.title = title + ' · 信访工作平台';
  }

  /**
   * Listens to the changes in the caller's subtree (GET /live, server-sent events) and calls
   * onChange(change) for each; reconnects after a break. onState(text) hears the connection state.
   */
  function live(onChange, onState) {
    let stopped = false;
    let connections = 0;
    async function connect() {
      while (!stopped && token()) {
        try {
          const response = await fetch('/live', {
            headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + token() },
          });
          if (!response.ok) {
            onState('实时更新不可用（' + response.status + '）');
            if (response.status === 401 || response.status === 403) return;
          } else {
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (;;) {
              const { value, done } = await reader.read();
              if (done) break;
              buffer += value;
              let end;
              while ((end = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
                if (!data) continue;
                const change = JSON.parse(data);
                if (change.type === 'connected') {
                  onState('实时更新：已连接');
                  // what changed while the stream was down is not replayed: ask again
                  if (connections++ > 0) onChange({ type: 'reconnected' });
                }
                else if (change.type !== 'heartbeat') onChange(change);
              }
            }
          }
        } catch (e) {
          onState('实时更新：连接中断，正在重连');
        }
        await new Promise((r) => setTimeout(r, 3000));
      }
    }
    connect();
    return () => { stopped = true; };
  }

  const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10); // 北京时间

  return { STEPS, RULES, token, user, signIn, signOut, requireSignIn, hasRole, api, problemLines, fieldName, el, notice, table, header, live, today };
})();
