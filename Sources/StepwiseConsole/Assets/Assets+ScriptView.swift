extension Assets {
    /// Pages: their lifetime, live refresh, the address bar, the router, cursor paging.
    static let viewScript = #"""

        // ---- Pages, their lifetime and live refresh

        let currentView = null;

        /** One page shown: knows whether it is still the page on screen, refreshes itself while something runs. */
        class View {
          constructor(parts, query) {
            this.parts = parts;
            this.query = query;
            this.timers = new Set();
            this.polls = 0;
          }

          get alive() {
            return currentView === this;
          }

          /** Runs `refresh` now and again every `interval` ms while it answers true and the page is shown. */
          poll(interval, refresh) {
            let timer = null;
            const tick = async () => {
              this.timers.delete(timer);
              if (!this.alive) return;
              let again = false;
              try {
                again = await refresh();
                showError(null);
              } catch (error) {
                if (this.alive) showError(error);
                again = true;
              }
              if (!this.alive) return;
              if (again) {
                timer = setTimeout(tick, interval);
                this.timers.add(timer);
              }
              updateLive();
            };
            return tick();
          }

          close() {
            for (const timer of this.timers) clearTimeout(timer);
            this.timers.clear();
          }

          /** Changes the page's query parameters in the address bar (a shareable URL) without reloading the page. */
          setQuery(params) {
            for (const [key, value] of Object.entries(params)) {
              if (value) this.query.set(key, value);
              else this.query.delete(key);
            }
            const text = this.query.toString();
            const hash = '#/' + this.parts.map(encodeURIComponent).join('/') + (text ? '?' + text : '');
            history.replaceState(null, '', hash);
          }
        }

        function updateLive() {
          const polling = currentView && currentView.timers.size > 0;
          liveBadge.textContent = polling ? 'live' : '';
          liveBadge.className = polling ? 'live on' : 'live';
        }

        function showError(error) {
          const banner = document.getElementById('error');
          if (!error) {
            banner.hidden = true;
            return;
          }
          banner.hidden = false;
          banner.textContent = error.message || String(error);
        }

        /** The page the address names: `#/segment/segment?query`. */
        function parseLocation() {
          const hash = location.hash.replace(/^#\/?/, '');
          const mark = hash.indexOf('?');
          const path = mark < 0 ? hash : hash.slice(0, mark);
          const parts = path.split('/').filter(Boolean).map((part) => {
            try {
              return decodeURIComponent(part);
            } catch (error) {
              return part;
            }
          });
          return {parts: parts.length ? parts : ['state-machines'], query: new URLSearchParams(mark < 0 ? '' : hash.slice(mark + 1))};
        }

        const pages = {};

        function route() {
          if (currentView) currentView.close();
          openConfirms.clear();
          const {parts, query} = parseLocation();
          const view = new View(parts, query);
          currentView = view;
          showError(null);
          for (const item of document.querySelectorAll('[data-nav]')) {
            item.classList.toggle('current', item.getAttribute('data-nav') === parts[0]);
          }
          const page = pages[parts[0]] || pages['state-machines'];
          clear(main);
          main.setAttribute('data-page', parts.length > 1 ? parts[0].replace(/s$/, '') : parts[0]);
          page(view, ...parts.slice(1)).catch((error) => view.alive && showError(error));
          updateLive();
        }

        /** Previous and next page links for a listing read with a cursor. */
        function pager(view, nextToken, onpage) {
          const stack = view.cursors || (view.cursors = []);
          const bar = h('div', {class: 'pager'});
          if (stack.length) {
            add(bar, h('button', {'data-action': 'newest', text: '« Newest', onclick: () => {
              view.cursors = [];
              onpage(null);
            }}), h('button', {'data-action': 'newer', text: '‹ Newer', onclick: () => onpage(stack.pop() || null)}));
          }
          if (nextToken) {
            add(bar, h('button', {'data-action': 'older', text: 'Older ›', onclick: () => {
              stack.push(view.query.get('cursor') || '');
              onpage(nextToken);
            }}));
          }
          return bar;
        }
        """#
}
