'use strict';
// 首页: signs in (the demo issuer's users in the local run, a pasted token otherwise) and offers
// what the user's roles allow.
(async () => {
  const { el, api, user, token, signIn, hasRole, notice, problemLines } = Petition;
  const next = new URLSearchParams(location.search).get('next');

  function go() {
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/index.html';
  }

  if (token()) {
    Petition.header('工作台');
    const who = user();
    document.getElementById('signed-in').hidden = false;
    document.getElementById('welcome').textContent = '您好，' + (who.displayName || who.user) + '（' + who.unit + '）';
    const links = [];
    if (hasRole('registrar')) links.push(['/register.html', '登记信访件']);
    links.push(['/queue.html', '待办'], ['/cases.html', '案件查询']);
    if (hasRole('supervisor', 'joint-office', 'leader')) links.push(['/dashboard.html', '联席会议看板 / 督办看板']);
    links.push(['/q/swagger-ui', '接口文档']);
    document.getElementById('links').replaceChildren(...links.map(([href, text]) => el('li', {}, el('a', { href }, text))));
    document.getElementById('open-case').addEventListener('submit', (e) => {
      e.preventDefault();
      const what = document.getElementById('case-id').value.trim();
      if (!what) return;
      // a case number, a system id (as links and documents give it), or words of the content
      if (/^[0-9a-fA-F-]{36}$/.test(what)) location.href = '/case.html?id=' + encodeURIComponent(what);
      else location.href = '/cases.html?' + new URLSearchParams(/^\d{2,9}-\d{8}-\d{5}$/.test(what) ? { caseNumber: what } : { q: what });
    });
    return;
  }

  document.getElementById('sign-in').hidden = false;
  const message = document.getElementById('sign-in-message');
  document.getElementById('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const pasted = document.getElementById('token').value.trim();
    const parts = pasted.split('.');
    if (parts.length !== 3) return notice(message, 'error', ['令牌格式不正确']);
    try {
      const claims = JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')));
      signIn(pasted, { user: claims.upn || claims.sub, displayName: claims.upn || claims.sub, unit: claims.unit, region: claims.region, roles: claims.groups || [] });
      go();
    } catch (err) {
      notice(message, 'error', ['令牌无法读取']);
    }
  });
  const users = await api('GET', '/auth/demo-users');
  if (users.ok) {
    document.getElementById('demo').hidden = false;
    document.getElementById('demo-users').replaceChildren(...users.data.map((u) =>
      el('button', {
        class: 'secondary', 'data-user': u.user,
        onclick: async () => {
          const issued = await api('POST', '/auth/demo-token', { user: u.user });
          if (!issued.ok) return notice(message, 'error', problemLines(issued));
          signIn(issued.data.accessToken, issued.data.user);
          go();
        },
      }, u.displayName)));
  }
})();
