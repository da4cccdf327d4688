extension Assets {
    /// The event table: paged by event id, details expandable.
    static let eventScript = #"""

        // ---- The event table

        /** How an event's type reads: failures red, successes green, the rest plain. */
        function eventClass(type) {
          if (/(Failed|TimedOut|Aborted)$/.test(type)) return 'ev-bad';
          if (/(Succeeded|Exited)$/.test(type)) return 'ev-good';
          return '';
        }

        /** An event's details, members one under the other; payloads (JSON text) re-indented. */
        function eventDetails(event) {
          const details = event.details || {};
          const keys = Object.keys(details);
          if (!keys.length) return h('p', {class: 'muted', text: 'No details.'});
          return h('dl', {class: 'details'}, keys.map((key) => {
            const value = details[key];
            return h('div', {}, h('dt', {text: key}),
              h('dd', {}, typeof value === 'string' ? codeBlock(value) : h('pre', {class: 'code', text: JSON.stringify(value, null, 2)})));
          }));
        }

        /**
         * The history, PAGE_SIZE events a page, each page read by event id (so page 250 of a 25,000-event history loads
         * as fast as page 1); a row opens to show the event's details. While the execution runs, the last page fills.
         */
        function eventTable(view, arn, container) {
          const controls = h('div', {class: 'pager', 'data-events-pager': ''});
          const body = h('div');
          add(container, controls, body);
          const expanded = new Set();
          let execution = null;
          let page = Math.max(1, Number(view.query.get('page')) || 1);
          let shown = null;

          const pageCount = () => Math.max(1, Math.ceil(execution.eventCount / PAGE_SIZE));

          async function load() {
            page = Math.min(Math.max(1, page), pageCount());
            const result = await api('execution/events', {arn: arn, afterId: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE});
            if (!view.alive) return;
            shown = {page: page, count: execution.eventCount};
            renderControls();
            renderRows(result.events);
          }

          function go(target) {
            page = target;
            view.setQuery({page: page > 1 ? String(page) : null});
            load().catch(showError);
          }

          function renderControls() {
            const pages = pageCount();
            const first = execution.eventCount ? (page - 1) * PAGE_SIZE + 1 : 0;
            const last = Math.min(execution.eventCount, page * PAGE_SIZE);
            const jump = h('input', {type: 'number', min: '1', max: String(pages), value: String(page), 'aria-label': 'Page',
              'data-page-input': ''});
            jump.addEventListener('change', () => go(Math.min(pages, Math.max(1, Number(jump.value) || 1))));
            replace(controls,
              h('button', {'data-action': 'first-page', disabled: page <= 1, text: '«', title: 'First page', onclick: () => go(1)}),
              h('button', {'data-action': 'previous-page', disabled: page <= 1, text: '‹', title: 'Previous page',
                onclick: () => go(page - 1)}),
              h('span', {}, 'Page ', jump, ' of ', h('span', {'data-page-count': '', text: String(pages)})),
              h('button', {'data-action': 'next-page', disabled: page >= pages, text: '›', title: 'Next page', onclick: () => go(page + 1)}),
              h('button', {'data-action': 'last-page', disabled: page >= pages, text: '»', title: 'Last page', onclick: () => go(pages)}),
              h('span', {class: 'muted', 'data-event-range': '', text: 'events ' + first + '–' + last + ' of ' + execution.eventCount}));
          }

          function renderRows(events) {
            const rows = [];
            for (const event of events) {
              const open = expanded.has(event.id);
              const toggle = h('button', {class: 'toggle', 'aria-expanded': String(open), title: 'Details', text: open ? '▾' : '▸'});
              const row = h('tr', {'data-event-id': String(event.id), class: eventClass(event.type)},
                h('td', {}, toggle, ' ', String(event.id)), h('td', {text: event.type}), h('td', {text: event.state || ''}),
                h('td', {class: 'num', text: String(Math.round((event.timestamp - execution.startDate) * 1000))}),
                h('td', {}, dateCell(event.timestamp)));
              const detail = h('tr', {class: 'detail', hidden: !open}, h('td', {colspan: '5'}, open ? eventDetails(event) : null));
              toggle.addEventListener('click', () => {
                const opening = !expanded.has(event.id);
                if (opening) expanded.add(event.id);
                else expanded.delete(event.id);
                toggle.textContent = opening ? '▾' : '▸';
                toggle.setAttribute('aria-expanded', String(opening));
                detail.hidden = !opening;
                if (opening && !detail.firstChild.firstChild) add(detail.firstChild, eventDetails(event));
              });
              rows.push(row, detail);
            }
            replace(body, h('table', {class: 'list events', 'data-list': 'events'},
              h('thead', {}, h('tr', {}, ['ID', 'Type', 'State', 'Elapsed (ms)', 'Timestamp'].map((title) => h('th', {text: title})))),
              h('tbody', {}, rows)));
          }

          return {
            async update(fresh) {
              const before = execution;
              execution = fresh;
              const stale = !shown || shown.page !== page || shown.count < page * PAGE_SIZE;
              if (stale && (!before || before.eventCount !== fresh.eventCount || !shown)) return load();
              if (before && before.eventCount !== fresh.eventCount) renderControls();
            },
          };
        }
        """#
}
