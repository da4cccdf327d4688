"""Browser tests of the Stepwise console against a real `stepwise serve` holding executions of the seed workflows.

Usage: console_test.py ENDPOINT ROOT [--screenshot PATH]   (Tests/console/run.sh starts the server and calls this)
"""
import json
import math
import os
import sys

from support import Page, Server, browser, execution_arn, execution_hash, machine_arn, run

ENDPOINT, ROOT = sys.argv[1], sys.argv[2]
SCREENSHOT = sys.argv[sys.argv.index('--screenshot') + 1] if '--screenshot' in sys.argv else None
server = Server(ENDPOINT)

# State names, an input, an error and a cause that are markup: shown as text, they run nothing.
IMG = '<img src=x onerror=window.__xss=1>'
SCRIPT = '<script>window.__xss=2</script>'
HOSTILE = {'StartAt': IMG, 'States': {
    IMG: {'Type': 'Pass', 'Next': SCRIPT},
    SCRIPT: {'Type': 'Fail', 'Error': '<b onmouseover=window.__xss=3>Bold</b>', 'Cause': '"quoted" & <i>cause</i>'}}}


def seed():
    """Executions of the seed workflows (workflows/) in every state the pages show, plus a hostile machine."""
    registration = json.load(open(f'{ROOT}/Fixtures/provisioning/registration-long-name.json'))
    arns = {
        'lonely': server.start('hello', 'lonely', {'guests': ['Ann']}),
        'long-name': server.start('provisioning', 'long-name', registration),
        'party': server.start('hello', 'party', {'guests': ['Ann', 'Bob', 'Cy']}),
        'watched': server.start('hello', 'watched', {'guests': ['Dee', 'Eve']}),
        'crowd': server.start('hello', 'crowd', {'guests': [f'guest {n}' for n in range(40)]}),
    }
    server.call('CreateStateMachine', {'name': 'hostile', 'definition': json.dumps(HOSTILE),
                                       'roleArn': 'arn:aws:iam::123456789012:role/test'})
    arns['hostile-run'] = server.start('hostile', 'hostile-run', {'note': SCRIPT})
    status, job = server.rest('POST', '/hello/jobs?name=job-party', {'guests': ['Fay', 'Gus']})
    assert status == 201, job
    arns['job-party'] = job['executionArn']
    for name in ['lonely', 'long-name', 'hostile-run']:
        server.finished(arns[name])
    for name in ['party', 'watched', 'crowd', 'job-party']:
        server.waiting(arns[name])
    return arns


ARNS = seed()
driver = browser()
page = Page(driver, ENDPOINT)


def statuses_in_database():
    """Every execution the API holds: name → status, newest first."""
    machines = server.call('ListStateMachines', {'maxResults': 1000})['stateMachines']
    executions = []
    for machine in machines:
        executions += server.call('ListExecutions', {'stateMachineArn': machine['stateMachineArn'], 'maxResults': 1000})['executions']
    executions.sort(key=lambda execution: (execution['startDate'], execution['executionArn']), reverse=True)
    return machines, executions


def test_state_machines_page_lists_what_the_database_holds():
    machines, executions = statuses_in_database()
    page.open('#/state-machines')
    page.wait(lambda: len(page.all('table[data-list=state-machines] tbody tr')) == len(machines), message='a row per machine')
    rows = page.script("""return [...document.querySelectorAll('table[data-list=state-machines] tbody tr')].map((row) =>
        [row.querySelector('[data-machine]').textContent,
         [...row.querySelectorAll('.count')].map((count) => count.querySelector('.badge').textContent + ' ' +
            count.querySelector('.number').textContent)])""")
    expected = []
    for machine in machines:
        counts = {}
        for execution in executions:
            if execution['stateMachineArn'] == machine['stateMachineArn']:
                counts[execution['status']] = counts.get(execution['status'], 0) + 1
        order = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']
        expected.append([machine['name'], [f'{status.replace("_", " ")} {counts[status]}' for status in order if status in counts]])
    assert rows == expected, rows
    # Every workflow the server was given (workflows/*.asl.json) plus the hostile machine, in name order.
    served = [name[:-len('.asl.json')] for name in os.listdir(f'{ROOT}/workflows') if name.endswith('.asl.json')]
    assert [row[0] for row in rows] == sorted(served + ['hostile'])
    assert dict(rows)['hello'] == ['RUNNING 4', 'FAILED 1'], rows


def test_executions_page_lists_newest_first_filters_and_links():
    _, executions = statuses_in_database()
    page.open('#/executions')
    names = lambda: page.texts('table[data-list=executions] [data-execution]')
    page.wait(lambda: names() == [execution['name'] for execution in executions], message='every execution, newest first')
    page.one('select[data-filter=status]').send_keys('FAILED')
    failed = [execution['name'] for execution in executions if execution['status'] == 'FAILED']
    page.wait(lambda: names() == failed, message='the FAILED ones')
    assert 'status=FAILED' in driver.current_url, driver.current_url
    page.one('input[data-filter=name-prefix]').send_keys('lo')
    page.wait(lambda: names() == ['long-name', 'lonely'], message='the FAILED ones named lo…')
    # The address is the page: opened afresh, it shows the same filtered list.
    page.open(driver.current_url.split('/', 3)[3])
    page.wait(lambda: names() == ['long-name', 'lonely'], message='the same list from the URL')
    assert page.one('input[data-filter=name-prefix]').get_attribute('value') == 'lo'


def test_failed_and_caught_execution_shows_its_colours():
    page.open(execution_hash(ARNS['long-name']))
    page.one('[data-graph] svg')
    colours = page.script("""const out = {};
        for (const state of document.querySelectorAll('[data-graph] g.sw-state')) {
          out[state.getAttribute('data-state')] = [state.getAttribute('data-status'),
            state.querySelector('rect, polygon').getAttribute('fill')];
        }
        return out;""")
    expected = {
        'Read registration': ['succeeded', '#dcf5e3'], 'Check bucket': ['caught', '#ffe8cc'], 'Create bucket': ['caught', '#ffe8cc'],
        'Roll back': ['succeeded', '#dcf5e3'], 'Mark provisioning failed': ['succeeded', '#dcf5e3'],
        'Provisioning failed': ['failed', '#ffe0e0'], 'Create crawler': ['not-reached', '#f1f3f5'], 'Provisioned': ['not-reached', '#f1f3f5'],
    }
    assert {name: colours[name] for name in expected} == expected, colours
    assert page.one('[data-execution-status]').text == 'FAILED'
    assert page.one('[data-failure] strong').text == 'ProvisioningFailed'


def test_clicking_a_state_shows_its_input_and_output():
    page.open(execution_hash(ARNS['lonely']))
    page.one('[data-graph] g.sw-state[data-state="Enough?"]').click()
    page.wait(lambda: page.texts('[data-state-name]') == ['Enough?'], message='the state panel')
    value = {'guests': ['Ann'], 'cards': ['Welcome Ann, seat 1']}
    pretty = json.dumps(value, indent=2)
    assert page.one('[data-state-input]').text == pretty
    assert page.one('[data-state-output]').text == pretty
    assert 'state=Enough%3F' in driver.current_url, driver.current_url
    assert page.one('g.sw-state.sw-selected').get_attribute('data-state') == 'Enough?'


def test_event_table_pages_a_long_history_and_expands_details():
    events = server.history(ARNS['crowd'])
    page.open(execution_hash(ARNS['crowd']))
    page.wait(lambda: page.texts('[data-page-count]') == [str(math.ceil(len(events) / 100))], message='the page count')
    ids = lambda: [row.get_attribute('data-event-id') for row in page.all('table[data-list=events] tbody tr[data-event-id]')]
    page.wait(lambda: ids() == [str(n) for n in range(1, 101)], message='events 1-100')
    page.one('[data-action=next-page]').click()
    page.wait(lambda: ids() == [str(n) for n in range(101, min(200, len(events)) + 1)], message='events 101-')
    assert 'page=2' in driver.current_url
    row = page.one('tr[data-event-id="101"]')
    assert row.find_elements('css selector', 'td')[1].text == events[100]['type']
    row.find_element('css selector', 'button.toggle').click()
    detail = page.wait(lambda: [element for element in page.all('tr.detail') if element.is_displayed()], message='the open details')[0]
    key = next(key for key in events[100] if key.endswith('EventDetails'))
    assert detail.find_element('css selector', 'dt').text == next(iter(events[100][key])), detail.text


def test_a_running_execution_updates_without_a_reload():
    arn = ARNS['watched']
    page.open(execution_hash(arn))
    page.wait(lambda: page.texts('[data-execution-status]') == ['RUNNING'], message='RUNNING')
    wait_state = '[data-graph] g.sw-state[data-state="Wait for the party"]'
    page.wait(lambda: page.one(wait_state).get_attribute('data-status') == 'running', message='the Wait state running')
    page.script('window.__sameDocument = "yes";')
    server.call('StopExecution', {'executionArn': arn, 'error': 'Test.Stop', 'cause': 'stopped by the test'})
    page.wait(lambda: page.texts('[data-execution-status]') == ['ABORTED'], message='ABORTED')
    page.wait(lambda: page.one(wait_state).get_attribute('data-status') == 'aborted', message='the Wait state aborted')
    page.wait(lambda: 'ExecutionAborted' in page.texts('table[data-list=events] td:nth-child(2)'), message='ExecutionAborted row')
    assert page.one('[data-failure] strong').text == 'Test.Stop'
    assert page.script('return window.__sameDocument') == 'yes'


def test_stop_button_stops_the_execution():
    arn = ARNS['party']
    page.open(execution_hash(arn))
    page.one('[data-action=stop]').click()
    page.one('[data-action=confirm]').click()
    page.wait(lambda: page.texts('[data-execution-status]') == ['ABORTED'], message='ABORTED')
    assert server.describe(arn)['status'] == 'ABORTED'
    assert page.all('[data-action=stop]') == []


def test_jobs_page_cancels_a_running_job():
    page.open('#/jobs')
    row = lambda: page.script("""const row = document.querySelector('[data-job="job-party"]').closest('tr');
        return row ? row.querySelector('.badge').textContent : null;""")
    page.wait(lambda: row() == 'RUNNING', message='job-party RUNNING')
    page.script("""document.querySelector('[data-job="job-party"]').closest('tr').querySelector('[data-action=cancel]').click();""")
    page.script("""document.querySelector('[data-job="job-party"]').closest('tr').querySelector('[data-action=confirm]').click();""")
    page.wait(lambda: row() == 'CANCELLED', message='job-party CANCELLED')
    assert server.rest('GET', '/jobs/job-party')[1]['status'] == 'CANCELLED'


def test_markup_in_names_inputs_and_causes_is_shown_as_text():
    def clean():
        page.no_alert()
        assert page.script('return window.__xss') is None
        # Nothing from the data became an element: the console's page has one script and no images.
        assert page.script('return document.querySelectorAll("img, b, i").length') == 0
        assert page.script('return [...document.scripts].map((s) => s.getAttribute("src"))') == ['/console/app.js']

    page.open('#/state-machines/' + machine_arn('hostile').replace(':', '%3A'))
    page.wait(lambda: any(IMG in line for line in page.texts('[data-definition] li')), message='the definition listing')
    page.one('[data-graph] svg')
    clean()
    page.open(execution_hash(ARNS['hostile-run']))
    page.wait(lambda: page.texts('[data-failure] strong') == ['<b onmouseover=window.__xss=3>Bold</b>'], message='the error as text')
    assert page.one('[data-failure] pre').text == '"quoted" & <i>cause</i>'
    assert SCRIPT in page.one('[data-input]').text
    page.script('document.querySelector(arguments[0]).dispatchEvent(new MouseEvent("click", {bubbles: true}))',
                f'[data-graph] g.sw-state[data-state="{IMG}"]')
    page.wait(lambda: page.texts('[data-state-name]') == [IMG], message='the state panel named as text')
    page.wait(lambda: SCRIPT in ' '.join(page.texts('table[data-list=events] td:nth-child(3)')), message='state names in the events')
    clean()


def screenshot():
    """docs/console.png: a seed workflow's failed execution, its graph coloured, a state opened."""
    driver.set_window_size(1400, 1100)
    page.open(execution_hash(ARNS['lonely'], state='Enough?'))
    page.wait(lambda: page.texts('[data-state-name]') == ['Enough?'], message='the state panel')
    page.wait(lambda: len(page.all('table[data-list=events] tbody tr[data-event-id]')) > 0, message='the events')
    driver.save_screenshot(SCREENSHOT)


try:
    tests = [test_state_machines_page_lists_what_the_database_holds, test_executions_page_lists_newest_first_filters_and_links,
             test_failed_and_caught_execution_shows_its_colours, test_clicking_a_state_shows_its_input_and_output,
             test_event_table_pages_a_long_history_and_expands_details, test_a_running_execution_updates_without_a_reload,
             test_stop_button_stops_the_execution, test_jobs_page_cancels_a_running_job, test_markup_in_names_inputs_and_causes_is_shown_as_text]
    status = run(tests)
    errors = page.errors()
    if errors:
        print('the pages logged errors:\n' + '\n'.join(errors))
        status = 1
    if SCREENSHOT and status == 0:
        screenshot()
    sys.exit(status)
finally:
    driver.quit()
