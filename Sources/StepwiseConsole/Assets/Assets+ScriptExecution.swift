extension Assets {
    /// One execution: status, facts, Stop, the coloured graph and its states' input and output, payloads, Map Runs.
    static let executionScript = #"""

        // ---- One execution

        async function executionPage(view, arn) {
          let execution = await api('execution', {arn: arn});
          if (!view.alive) return;
          const graph = graphView();
          const parts = {
            title: h('h1'), actions: h('span', {class: 'actions'}), facts: h('dl', {class: 'facts'}), failure: h('div'),
            graph: graph.frame, state: h('div', {class: 'state-panel', 'data-state-panel': ''}),
            input: h('div'), output: h('div'), mapRuns: h('div'), events: h('div'),
          };
          const crumbs = h('nav', {class: 'crumbs'}, h('a', {href: '#/executions', text: 'Executions'}), ' › ',
            h('a', {href: link(['state-machines', execution.stateMachineArn]), text: execution.stateMachineName}), ' › ', execution.name);
          add(main, crumbs, h('div', {class: 'heading'}, parts.title, parts.actions), parts.facts, parts.failure,
            section('Graph', h('div', {class: 'graph-row'}, graph.node, parts.state)),
            h('div', {class: 'columns'}, section('Input', parts.input), section('Output', parts.output)),
            parts.mapRuns, section('Events', parts.events));
          const selected = {name: view.query.get('state') || null};
          const events = eventTable(view, arn, parts.events);
          let shownStatus = null;
          let graphCount = -1;
          let first = true;
          parts.graph.addEventListener('click', (event) => pickState(event.target));
          parts.graph.addEventListener('keydown', (event) => {
            if (event.key === 'Enter' || event.key === ' ') pickState(event.target);
          });

          function pickState(target) {
            const state = target.closest && target.closest('g.sw-state');
            if (!state) return;
            selected.name = state.getAttribute('data-state');
            view.setQuery({state: selected.name});
            markSelected();
            showState(view, arn, selected.name, parts.state);
          }

          function markSelected() {
            for (const state of parts.graph.querySelectorAll('g.sw-state')) {
              state.setAttribute('tabindex', '0');
              state.setAttribute('role', 'button');
              state.classList.toggle('sw-selected', state.getAttribute('data-state') === selected.name);
            }
          }

          await view.poll(1000, async () => {
            if (!first) execution = await api('execution', {arn: arn});
            first = false;
            if (!view.alive) return false;
            const running = execution.status === 'RUNNING';
            if (execution.status !== shownStatus) {
              shownStatus = execution.status;
              replace(parts.title, h('span', {'data-title': '', text: execution.name}), ' ',
                h('span', {'data-execution-status': ''}, badge(execution.status)));
              replace(parts.actions, running && !execution.mapRunArn ? stopButton(execution) : null);
            }
            renderFacts(parts, execution);
            if (execution.eventCount !== graphCount) {
              const picture = await api('execution/graph', {arn: arn});
              if (!view.alive) return false;
              graphCount = picture.eventCount;
              graph.show(picture.graph);
              markSelected();
              if (selected.name) await showState(view, arn, selected.name, parts.state);
              else if (!parts.state.firstChild) add(parts.state, h('p', {class: 'muted', text: 'Click a state to see its input and output.'}));
            }
            await events.update(execution);
            return running;
          });
        }

        function stopButton(execution) {
          return confirmButton('Stop', 'Stop this execution?', 'Yes, stop', async () => {
            await stepFunctions('StopExecution', {executionArn: execution.arn});
            route();
          });
        }

        function renderFacts(parts, execution) {
          replace(parts.facts,
            fact('ARN', h('span', {class: 'mono', text: execution.arn})),
            fact('State machine', h('a', {href: link(['state-machines', execution.stateMachineArn]), text: execution.stateMachineName})),
            fact('Started', dateCell(execution.startDate)), fact('Ended', dateCell(execution.stopDate)),
            fact('Duration', duration(execution.startDate, execution.stopDate)), fact('Events', String(execution.eventCount)),
            execution.parentArn ? fact('Started by', h('a', {href: link(['executions', execution.parentArn]), text: 'parent execution'})) : null);
          replace(parts.failure, execution.error || execution.cause
            ? h('div', {class: 'failure', 'data-failure': ''}, h('strong', {text: execution.error || 'Error'}),
              execution.cause ? h('pre', {class: 'cause', text: execution.cause}) : null)
            : null);
          replace(parts.input, codeBlock(execution.input, {'data-input': ''}));
          replace(parts.output, codeBlock(execution.output, {'data-output': ''}));
          replace(parts.mapRuns, execution.mapRuns.length ? section('Map Runs', mapRunTable(execution.mapRuns)) : null);
        }

        function mapRunTable(runs) {
          const countCells = (counts) => ['total', 'succeeded', 'failed', 'running', 'pending', 'aborted', 'timedOut'].map((key) =>
            h('span', {class: 'mono', text: String(counts[key])}));
          return table(['Map Run', 'Status', 'Started', 'Ended', 'Items', 'Succeeded', 'Failed', 'Running', 'Pending', 'Aborted', 'Timed out'],
            runs.map((run) => [h('span', {class: 'mono', title: run.arn, text: run.arn.split(':').slice(-2).join(':')}), badge(run.status),
              dateCell(run.startDate), dateCell(run.stopDate), ...countCells(run.itemCounts)]), {class: 'list', 'data-list': 'map-runs'});
        }

        /** What a state did: its latest input and output, its latest failure, how often it ran. */
        async function showState(view, arn, name, panel) {
          const state = await api('execution/state', {arn: arn, name: name});
          if (!view.alive) return;
          const node = [...document.querySelectorAll('g.sw-state')].find((item) => item.getAttribute('data-state') === name);
          const status = node ? node.getAttribute('data-status') : null;
          const detail = (event, key) => (event && event.details ? event.details[key] : undefined);
          const visits = state.visits === 1 ? 'Entered once.' : 'Entered ' + state.visits + ' times' + (state.visits ? '; the latest visit:' : '.');
          const failure = state.failure ? [state.failure.type, detail(state.failure, 'error')].filter(Boolean).join(': ') : null;
          replace(panel,
            h('h3', {}, h('span', {'data-state-name': '', text: name}), ' ', status ? badge(status.replace('-', ' ')) : null),
            h('p', {class: 'muted', text: visits}),
            failure ? h('div', {class: 'failure'}, h('strong', {text: failure}),
              detail(state.failure, 'cause') ? h('pre', {class: 'cause', text: detail(state.failure, 'cause')}) : null) : null,
            state.entered ? h('div', {}, h('h4', {text: 'Input'}), codeBlock(detail(state.entered, 'input'), {'data-state-input': ''})) : null,
            state.exited ? h('div', {}, h('h4', {text: 'Output'}), codeBlock(detail(state.exited, 'output'), {'data-state-output': ''})) : null);
        }
        """#
}
