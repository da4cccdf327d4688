extension Assets {
    /// The graph (parsed as XML and sanitised) and one state machine: facts, graph, definition with diagnostics, executions.
    static let stateMachineScript = #"""

        // ---- The graph

        const SVG_ELEMENTS = new Set(['svg', 'g', 'defs', 'marker', 'path', 'rect', 'circle', 'ellipse', 'polygon', 'polyline', 'line', 'text',
          'tspan', 'title']);

        /**
         * The graph's SVG as a node. It is parsed as XML (nothing in it runs), and any element or attribute that is not
         * plain drawing (scripts, event handlers, links) is dropped: the server escapes every name, this is a second fence.
         */
        function graphNode(svgText) {
          if (!svgText) return h('p', {class: 'muted', text: 'No graph: the definition could not be read.'});
          const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
          const root = parsed.documentElement;
          if (!root || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length) {
            return h('p', {class: 'muted', text: 'The graph could not be drawn.'});
          }
          for (const element of [root, ...root.querySelectorAll('*')]) {
            if (!SVG_ELEMENTS.has(element.localName)) {
              element.remove();
              continue;
            }
            for (const attribute of [...element.attributes]) {
              const name = attribute.name.toLowerCase();
              if (name.startsWith('on') || name.includes('href') || name === 'style') element.removeAttribute(attribute.name);
            }
          }
          return document.importNode(root, true);
        }

        /**
         * A graph with zoom buttons. It starts fitted to the width available (never enlarged); −, + and 100% set a
         * scale that later redraws (a running execution's) keep.
         */
        function graphView() {
          const frame = h('div', {class: 'graph', 'data-graph': ''});
          const label = h('span', {class: 'muted', 'data-zoom': ''});
          let scale = null;
          let shown = 1;
          const apply = () => {
            const svg = frame.querySelector('svg');
            if (!svg || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) return;
            const box = svg.viewBox.baseVal;
            shown = scale === null ? Math.min(1, Math.max(0.1, (frame.clientWidth - 2) / box.width)) : scale;
            svg.setAttribute('width', String(Math.round(box.width * shown)));
            svg.setAttribute('height', String(Math.round(box.height * shown)));
            label.textContent = Math.round(shown * 100) + '%';
          };
          const zoom = (value) => {
            scale = value === null ? null : Math.min(4, Math.max(0.1, value));
            apply();
          };
          window.addEventListener('resize', () => scale === null && apply());
          const toolbar = h('div', {class: 'zoom'},
            h('button', {title: 'Zoom out', 'data-action': 'zoom-out', text: '−', onclick: () => zoom(shown / 1.25)}),
            h('button', {title: 'Zoom in', 'data-action': 'zoom-in', text: '+', onclick: () => zoom(shown * 1.25)}),
            h('button', {title: 'Actual size', 'data-action': 'zoom-actual', text: '100%', onclick: () => zoom(1)}),
            h('button', {title: 'Fit the width', 'data-action': 'zoom-fit', text: 'Fit', onclick: () => zoom(null)}), label);
          return {
            node: h('div', {class: 'graph-box'}, toolbar, frame),
            frame: frame,
            show(svgText) {
              replace(frame, graphNode(svgText));
              apply();
              requestAnimationFrame(apply);
            },
          };
        }

        // ---- One state machine

        async function stateMachinePage(view, arn) {
          const machine = await api('state-machine', {arn: arn});
          if (!view.alive) return;
          const counts = h('span');
          const graph = graphView();
          add(main,
            h('nav', {class: 'crumbs'}, h('a', {href: '#/state-machines', text: 'State machines'}), ' › ', machine.name),
            h('h1', {}, h('span', {'data-title': '', text: machine.name}), ' ', badge(machine.type)),
            h('dl', {class: 'facts'},
              fact('ARN', h('span', {class: 'mono', text: machine.arn})), fact('Created', dateCell(machine.creationDate)),
              fact('Updated', dateCell(machine.updateDate)), fact('Revision', h('span', {class: 'mono', text: machine.revisionId})),
              fact('Role', h('span', {class: 'mono', text: machine.roleArn})), fact('Executions', counts)),
            section('Graph', graph.node),
            section('Definition', definitionListing(machine)),
            section('Versions and aliases', versionsAndAliases(machine)));
          graph.show(machine.graph);
          const executions = section('Executions');
          add(main, executions);
          let first = true;
          await Promise.all([
            view.poll(2000, async () => {
              const fresh = first ? machine : await api('state-machine', {arn: arn, summary: 'true'});
              first = false;
              if (view.alive) replace(counts, countBadges(arn, fresh.counts));
              return true;
            }),
            executionsList(view, executions, [], {machine: arn})]);
        }

        /** The published versions (newest first) and the aliases with their routing. */
        function versionsAndAliases(machine) {
          if (!machine.versions.length && !machine.aliases.length) return h('p', {class: 'muted', text: 'none published'});
          return h('div', {},
            table(['Version', 'Description', 'Created'], machine.versions.map((version) =>
              [h('span', {class: 'mono', text: String(version.version)}), version.description || '', dateCell(version.creationDate)]),
              {class: 'list', 'data-list': 'versions'}),
            table(['Alias', 'Routing', 'Description', 'Updated'], machine.aliases.map((alias) =>
              [h('span', {class: 'mono', text: alias.name}),
               alias.routing.map((route) => 'version ' + route.version + ': ' + route.weight + '%').join(', '),
               alias.description || '', dateCell(alias.updateDate)]),
              {class: 'list', 'data-list': 'aliases'}));
        }

        function fact(term, value) {
          return h('div', {}, h('dt', {text: term}), h('dd', {}, value));
        }

        /** The definition, one numbered line each, with every validation diagnostic listed and its line marked. */
        function definitionListing(machine) {
          const marks = new Map();
          for (const diagnostic of machine.diagnostics) {
            if (diagnostic.line) marks.set(diagnostic.line, (marks.get(diagnostic.line) || []).concat([diagnostic]));
          }
          const list = h('ol', {class: 'listing', 'data-definition': ''}, machine.definition.map((text, index) => {
            const notes = marks.get(index + 1);
            const line = h('li', {id: 'line-' + (index + 1)}, h('code', {text: text}));
            if (notes) {
              line.classList.add(notes.some((note) => note.severity === 'ERROR') ? 'diag-error' : 'diag-warning');
              line.setAttribute('title', notes.map((note) => note.code + ': ' + note.message).join('\n'));
            }
            return line;
          }));
          const diagnostics = machine.diagnostics.length
            ? h('ul', {class: 'diagnostics', 'data-diagnostics': ''}, machine.diagnostics.map(diagnosticItem))
            : h('p', {class: 'ok', text: 'Valid: no errors or warnings.'});
          return h('div', {}, diagnostics, list);
        }

        /** One diagnostic: its severity, code and message, where it is, and a button to its line. */
        function diagnosticItem(diagnostic) {
          const jump = () => {
            const target = document.getElementById('line-' + diagnostic.line);
            target.scrollIntoView({block: 'center'});
            target.classList.add('flash');
            setTimeout(() => target.classList.remove('flash'), 1200);
          };
          return h('li', {class: diagnostic.severity.toLowerCase()},
            badge(diagnostic.severity), ' ', h('strong', {text: diagnostic.code}), ' ', diagnostic.message,
            diagnostic.location ? h('span', {class: 'mono muted', text: ' at ' + diagnostic.location}) : null,
            diagnostic.line
              ? h('button', {class: 'linky', 'data-line': String(diagnostic.line), text: 'line ' + diagnostic.line, onclick: jump}) : null);
        }
        """#
}
