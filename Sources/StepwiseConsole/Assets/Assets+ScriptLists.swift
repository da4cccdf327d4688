extension Assets {
    /// The listings: state machines, executions (with filters), jobs (with Cancel).
    static let listScripts = #"""

        // ---- Listings

        /** A listing's table (or what to say when it is empty) and its pager, which reloads the listing in place. */
        function listing(view, refresh, name, headers, rows, empty, nextToken) {
          return [
            rows.length ? table(headers, rows, {class: 'list', 'data-list': name}) : h('p', {class: 'empty', text: empty}),
            pager(view, nextToken, (cursor) => {
              view.setQuery({cursor: cursor});
              refresh();
            })];
        }

        /** What a filter does when it changes: back to the first page, the address updated, the listing reloaded. */
        function filterChange(view, refresh) {
          return (params) => {
            view.cursors = [];
            view.setQuery(Object.assign({cursor: null}, params));
            refresh();
          };
        }

        // ---- State machines

        /** Execution counts by status, each a link to those executions. */
        function countBadges(machineArn, counts) {
          const items = STATUSES.filter((status) => counts && counts[status] > 0).map((status) =>
            h('a', {class: 'count', href: link(['executions'], {machine: machineArn, status: status})},
              badge(status), h('span', {class: 'number', text: String(counts[status])})));
          return items.length ? h('span', {class: 'counts'}, items) : h('span', {class: 'muted', text: 'none'});
        }

        pages['state-machines'] = async (view, arn) => {
          if (arn) return stateMachinePage(view, arn);
          const body = h('div');
          add(main, h('h1', {text: 'State machines'}), body);
          const refresh = async () => {
            const page = await api('state-machines', {nextToken: view.query.get('cursor')});
            if (!view.alive) return false;
            const rows = page.stateMachines.map((machine) => [
              h('a', {href: link(['state-machines', machine.arn]), 'data-machine': machine.name, text: machine.name}),
              badge(machine.type), dateCell(machine.creationDate), countBadges(machine.arn, machine.counts)]);
            replace(body, listing(view, refresh, 'state-machines', ['Name', 'Type', 'Created', 'Executions'], rows,
              'No state machines yet: create one with the API, or serve a directory with --workflows.', page.nextToken));
            return true;
          };
          await view.poll(2000, refresh);
        };

        // ---- Executions

        /**
         * A live listing of executions with its filters. `fixed` holds the filters the page imposes (a state machine's
         * own executions); the others come from, and go to, the page's query.
         */
        async function executionsList(view, container, machines, fixed) {
          const filters = h('div', {class: 'filters'});
          const body = h('div');
          add(container, filters, body);
          const current = () => ({
            stateMachineArn: fixed.machine || view.query.get('machine') || '',
            status: view.query.get('status') || '', name: view.query.get('name') || '', nextToken: view.query.get('cursor') || ''});
          let refresh = null;
          const change = filterChange(view, () => refresh());
          add(filters,
            select('Status', [['', 'All statuses']].concat(STATUSES.map((status) => [status, status.replace('_', ' ')])),
              current().status, (status) => change({status: status})),
            fixed.machine ? null : select('State machine',
              [['', 'All state machines']].concat(machines.map((machine) => [machine.arn, machine.name])),
              current().stateMachineArn, (machine) => change({machine: machine})),
            textFilter('Name prefix', current().name, (name) => change({name: name})));
          let generation = 0;
          refresh = async () => {
            const mine = generation += 1;
            const filter = current();
            const page = await api('executions', filter);
            if (!view.alive || mine !== generation || openConfirms.size) return true;
            const rows = page.executions.map((execution) => [
              h('a', {href: link(['executions', execution.arn]), 'data-execution': execution.name, text: execution.name}),
              fixed.machine ? null : h('a', {href: link(['state-machines', execution.stateMachineArn]), text: execution.stateMachineName}),
              badge(execution.status), dateCell(execution.startDate), dateCell(execution.stopDate),
              duration(execution.startDate, execution.stopDate)].filter((cell) => cell !== null));
            const headers = ['Name', 'State machine', 'Status', 'Started', 'Ended', 'Duration']
              .filter((title) => !fixed.machine || title !== 'State machine');
            replace(body, listing(view, refresh, 'executions', headers, rows, 'No executions match.', page.nextToken));
            return true;
          };
          await view.poll(2000, () => refresh());
        }

        pages.executions = async (view, arn) => {
          if (arn) return executionPage(view, arn);
          add(main, h('h1', {text: 'Executions'}));
          const machines = await api('state-machines', {counts: 'false', maxResults: 1000});
          if (!view.alive) return;
          await executionsList(view, main, machines.stateMachines, {});
        };

        // ---- Jobs

        function jobActions(view, job, refresh) {
          if (job.status !== 'QUEUED' && job.status !== 'RUNNING') return '';
          return confirmButton('Cancel', 'Cancel this job?', 'Yes, cancel', async () => {
            await jobsAPI('POST', '/jobs/' + encodeURIComponent(job.id) + '/cancel');
            await refresh();
          });
        }

        pages.jobs = async (view) => {
          const filters = h('div', {class: 'filters'});
          const body = h('div');
          add(main, h('h1', {text: 'Jobs'}), filters, body);
          let refresh = null;
          const change = filterChange(view, () => refresh());
          add(filters,
            select('Status', [['', 'All statuses']].concat(JOB_STATUSES.map((status) => [status, status])), view.query.get('status') || '',
              (status) => change({status: status})),
            textFilter('Workflow', view.query.get('workflow'), (workflow) => change({workflow: workflow})));
          refresh = async () => {
            const cursor = view.query.get('cursor') || '';
            const page = await api('jobs', {status: view.query.get('status'), workflow: view.query.get('workflow'), nextToken: cursor});
            if (!view.alive || openConfirms.size) return true;
            const rows = page.jobs.map((job) => [
              h('span', {class: 'mono', 'data-job': job.id, text: job.id}), job.workflow, badge(job.status),
              dateCell(job.createdDate), dateCell(job.startDate), dateCell(job.stopDate),
              job.executionArn ? h('a', {href: link(['executions', job.executionArn]), text: 'execution'}) : '–',
              jobActions(view, job, refresh)]);
            replace(body, listing(view, refresh, 'jobs', ['Job', 'Workflow', 'Status', 'Created', 'Started', 'Ended', 'Execution', ''], rows,
              'No jobs match. Jobs are submitted with POST /{workflow}/jobs.', page.nextToken));
            return true;
          };
          await view.poll(2000, () => refresh());
        };
        """#
}
