extension Assets {
    /// The helpers every page uses: building elements (text only, never markup), formatting, talking to the server.
    static let coreScript = #"""
        'use strict';
        // The Stepwise console: plain JavaScript, no framework, no build step. Every text that comes from the server
        // goes into the page through textContent or a text node, never parsed as HTML; the graph's SVG (escaped by the
        // server) is parsed as XML and kept only if it holds nothing but drawing elements.

        const main = document.getElementById('main');
        const liveBadge = document.getElementById('live');
        const PAGE_SIZE = 100;
        const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
        const JOB_STATUSES = ['QUEUED', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'];

        // ---- Building the page

        /** An element with properties (class, text, on<event>, attributes) and children (nodes or text). */
        function h(tag, props, ...children) {
          const node = document.createElement(tag);
          for (const [key, value] of Object.entries(props || {})) {
            if (value === undefined || value === null || value === false) continue;
            if (key === 'class') node.className = value;
            else if (key === 'text') node.textContent = String(value);
            else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
            else if (key === 'href') node.setAttribute('href', String(value).startsWith('#/') ? value : '#/');
            else node.setAttribute(key, value === true ? '' : String(value));
          }
          add(node, children);
          return node;
        }

        /** Appends children: nodes as they are, anything else as text. */
        function add(node, ...children) {
          for (const child of children.flat(Infinity)) {
            if (child === null || child === undefined || child === false) continue;
            node.append(child instanceof Node ? child : document.createTextNode(String(child)));
          }
          return node;
        }

        function clear(node) {
          while (node.firstChild) node.firstChild.remove();
          return node;
        }

        function replace(node, ...children) {
          return add(clear(node), children);
        }

        /** A link to a console page: `#/` and path segments, each percent-encoded, and query parameters. */
        function link(segments, params) {
          let hash = '#/' + segments.map(encodeURIComponent).join('/');
          const query = new URLSearchParams();
          for (const [key, value] of Object.entries(params || {})) if (value) query.set(key, value);
          if ([...query].length) hash += '?' + query.toString();
          return hash;
        }

        function badge(status) {
          const text = String(status || '');
          return h('span', {class: 'badge st-' + text.toLowerCase().replace(/[^a-z_]/g, ''), text: text.replace('_', ' ')});
        }

        function section(title, ...children) {
          return h('section', {class: 'panel'}, h('h2', {text: title}), ...children);
        }

        /** A table with a header row; `rows` are arrays of cells (nodes or text). */
        function table(headers, rows, props) {
          return h('table', props || {},
            h('thead', {}, h('tr', {}, headers.map((title) => h('th', {text: title})))),
            h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))));
        }

        /** A select of `choices` (value, label pairs) that calls `onchange(value)`. */
        function select(label, choices, value, onchange) {
          const node = h('select', {'aria-label': label, 'data-filter': label.toLowerCase().replace(/ /g, '-')},
            choices.map(([choice, title]) => h('option', {value: choice, selected: choice === value, text: title})));
          node.addEventListener('change', () => onchange(node.value));
          return h('label', {class: 'filter'}, h('span', {text: label}), node);
        }

        /** A text filter that calls `oninput(value)` once typing pauses. */
        function textFilter(label, value, oninput) {
          const node = h('input', {type: 'search', value: value || '', placeholder: label, 'aria-label': label,
            'data-filter': label.toLowerCase().replace(/ /g, '-')});
          let timer = null;
          node.addEventListener('input', () => {
            clearTimeout(timer);
            timer = setTimeout(() => oninput(node.value.trim()), 250);
          });
          return h('label', {class: 'filter'}, h('span', {text: label}), node);
        }

        /** The questions of confirmButton on screen: listings do not redraw (and drop them) while one is asked. */
        const openConfirms = new Set();

        /** A button that asks before it acts: a first click shows the question, Yes runs `action`. */
        function confirmButton(label, question, yes, action) {
          const holder = h('span', {class: 'confirm'});
          const ask = () => openConfirms.add(holder) && replace(holder, h('span', {class: 'question', text: question}),
            h('button', {class: 'danger', 'data-action': 'confirm', text: yes, onclick: async (event) => {
              event.target.disabled = true;
              try {
                openConfirms.delete(holder);
                await action();
              } catch (error) {
                replace(holder, h('span', {class: 'error-text', text: error.message}));
              }
            }}),
            h('button', {'data-action': 'dismiss', text: 'No', onclick: reset}));
          function reset() {
            openConfirms.delete(holder);
            replace(holder, h('button', {class: 'danger', 'data-action': label.toLowerCase(), text: label, onclick: ask}));
          }
          reset();
          return holder;
        }

        // ---- Formatting

        function pad(number, width) {
          return String(number).padStart(width || 2, '0');
        }

        /** Local time, `2026-01-02 03:04:05.678`; a dash for none. */
        function formatDate(seconds) {
          if (seconds === null || seconds === undefined) return '–';
          const date = new Date(seconds * 1000);
          return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' + pad(date.getHours()) + ':' +
            pad(date.getMinutes()) + ':' + pad(date.getSeconds()) + '.' + pad(date.getMilliseconds(), 3);
        }

        function dateCell(seconds) {
          const node = h('time', {text: formatDate(seconds)});
          if (seconds !== null && seconds !== undefined) node.setAttribute('datetime', new Date(seconds * 1000).toISOString());
          return node;
        }

        /** `1.234 s`, `2 min 5 s`, `3 h 2 min`. */
        function formatDuration(seconds) {
          if (seconds === null || seconds === undefined || seconds < 0) return '–';
          if (seconds < 60) return seconds.toFixed(3) + ' s';
          if (seconds < 3600) return Math.floor(seconds / 60) + ' min ' + Math.floor(seconds % 60) + ' s';
          return Math.floor(seconds / 3600) + ' h ' + Math.floor((seconds % 3600) / 60) + ' min';
        }

        function duration(start, stop) {
          if (start === null || start === undefined) return '–';
          return formatDuration((stop === null || stop === undefined ? Date.now() / 1000 : stop) - start);
        }

        /** JSON text re-indented without being parsed, so numbers stay exactly as written; other text as it is. */
        function prettyJSON(text) {
          if (typeof text !== 'string') return JSON.stringify(text, null, 2);
          let out = '';
          let depth = 0;
          let inString = false;
          let escaped = false;
          const indent = () => '\n' + '  '.repeat(depth);
          for (let index = 0; index < text.length; index += 1) {
            const char = text[index];
            if (inString) {
              out += char;
              if (escaped) escaped = false;
              else if (char === '\\') escaped = true;
              else if (char === '"') inString = false;
              continue;
            }
            if (char === '"') {
              inString = true;
              out += char;
            } else if (char === '{' || char === '[') {
              const close = char === '{' ? '}' : ']';
              const rest = text.slice(index + 1).trimStart();
              if (rest.startsWith(close)) {
                out += char + close;
                index = text.length - rest.length;
              } else {
                depth += 1;
                out += char + indent();
              }
            } else if (char === '}' || char === ']') {
              depth = Math.max(0, depth - 1);
              out += indent() + char;
            } else if (char === ',') {
              out += ',' + indent();
            } else if (char === ':') {
              out += ': ';
            } else if (!/\s/.test(char)) {
              out += char;
            }
          }
          return out;
        }

        function codeBlock(text, props) {
          return h('pre', Object.assign({class: 'code'}, props || {}), text === null || text === undefined ? '–' : prettyJSON(text));
        }

        // ---- Talking to the server

        /** GET a console endpoint; an error answer throws its message. */
        async function api(path, params) {
          const url = new URL('/console/api/' + path, location.origin);
          for (const [key, value] of Object.entries(params || {})) {
            if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
          }
          const response = await fetch(url, {headers: {Accept: 'application/json'}, cache: 'no-store'});
          const body = await response.json().catch(() => ({}));
          if (!response.ok) throw new Error(body.message || response.status + ' ' + response.statusText);
          return body;
        }

        /** An action of the Step Functions API, exactly as an SDK sends it. */
        async function stepFunctions(action, members) {
          const response = await fetch('/', {method: 'POST', body: JSON.stringify(members),
            headers: {'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AWSStepFunctions.' + action}});
          const body = await response.json().catch(() => ({}));
          if (!response.ok) throw new Error(String(body.__type || response.status).split('#').pop() + ': ' + (body.message || ''));
          return body;
        }

        /** A request of the REST jobs API. */
        async function jobsAPI(method, path) {
          const response = await fetch(path, {method: method, headers: {Accept: 'application/json'}});
          const body = await response.json().catch(() => ({}));
          if (!response.ok) throw new Error((body.error ? body.error + ': ' : '') + (body.message || response.status));
          return body;
        }
        """#
}
