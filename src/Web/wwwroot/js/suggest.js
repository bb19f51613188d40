// Type-ahead for the site's search boxes (a form with role="search" and an input named q). Without this file the box is
// a plain form. It follows the ARIA combobox pattern: the list is announced, arrow keys move through it without leaving
// the input, Enter chooses (and searches), Escape closes. Suggestions come from GET /api/suggest, most postings first.
(function () {
  'use strict';

  var KIND = { title: '职位', skill: '技能', 'function': '职能', employer: '企业', city: '城市' };
  var DELAY_MS = 120;
  var MAX_Q = 40;
  var boxes = document.querySelectorAll('form[role="search"] input[name="q"]');

  for (var n = 0; n < boxes.length; n++) {
    enhance(boxes[n], n);
  }

  function enhance(input, index) {
    var form = input.form;
    var listId = 'suggest-list-' + index;
    var wrap = document.createElement('span');
    wrap.className = 'suggest';
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);

    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'suggest-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', '搜索建议');
    list.hidden = true;
    wrap.appendChild(list);

    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    wrap.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    var items = [];
    var active = -1;
    var timer = 0;
    var asked = '';
    var controller = null;

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener('keydown', function (e) {
      var open = !list.hidden && items.length > 0;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!open) {
          if (items.length > 0) {
            show();
          } else {
            fetchSuggestions();
          }
          e.preventDefault();
          return;
        }
        e.preventDefault();
        // The positions cycle through the options and back to the typed text (-1).
        var next = e.key === 'ArrowDown' ? active + 1 : (active < 0 ? items.length - 1 : active - 1);
        move(next >= items.length ? -1 : next);
      } else if (e.key === 'Enter') {
        if (open && active >= 0) {
          e.preventDefault();
          choose(active);
        }
      } else if (e.key === 'Escape') {
        if (open) {
          e.preventDefault();
          hide();
        }
      }
    });

    input.addEventListener('blur', function () {
      // A click on an option lands after the blur; pointerdown below keeps the focus, this covers tabbing away.
      setTimeout(hide, 150);
    });

    list.addEventListener('pointerdown', function (e) {
      e.preventDefault();
    });

    list.addEventListener('click', function (e) {
      var option = e.target.closest('[role="option"]');
      if (option) {
        choose(Number(option.getAttribute('data-index')));
      }
    });

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q === asked && items.length > 0) {
        show();
        return;
      }
      asked = q;
      if (q.length === 0 || q.length > MAX_Q) {
        render([]);
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      fetch('/api/suggest?limit=8&q=' + encodeURIComponent(q), { signal: controller.signal, headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (body) {
          if (q === input.value.trim()) {
            render(body.items || []);
          }
        })
        .catch(function () { /* aborted or offline: the plain form still works */ });
    }

    function render(found) {
      items = found;
      active = -1;
      list.textContent = '';
      input.removeAttribute('aria-activedescendant');
      for (var i = 0; i < found.length; i++) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-index', String(i));
        var text = document.createElement('span');
        text.className = 'suggest-text';
        text.textContent = found[i].text;
        var meta = document.createElement('span');
        meta.className = 'suggest-meta';
        meta.textContent = (KIND[found[i].kind] || '') + ' · ' + found[i].count + ' 个职位';
        li.appendChild(text);
        li.appendChild(meta);
        list.appendChild(li);
      }
      status.textContent = found.length > 0 ? found.length + ' 条建议，可用上下方向键选择' : '';
      if (found.length > 0) {
        show();
      } else {
        hide();
      }
    }

    function move(to) {
      active = to;
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
      }
      if (active >= 0) {
        input.setAttribute('aria-activedescendant', options[active].id);
        options[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(i) {
      if (!items[i]) {
        return;
      }
      input.value = items[i].text;
      asked = input.value;
      hide();
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }

    function show() {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function hide() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute('aria-selected', 'false');
      }
    }
  }
})();
