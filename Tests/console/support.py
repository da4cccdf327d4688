"""What the console's browser tests share: the APIs over plain HTTP, a headless Chromium, waiting, running."""
import json
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ACCOUNT = 'arn:aws:states:us-east-1:123456789012'


def machine_arn(name):
    return f'{ACCOUNT}:stateMachine:{name}'


def execution_arn(machine, name):
    return f'{ACCOUNT}:execution:{machine}:{name}'


class Server:
    """The Step Functions API and the jobs API of the `stepwise serve` under test."""

    def __init__(self, endpoint):
        self.endpoint = endpoint

    def call(self, action, members):
        request = urllib.request.Request(self.endpoint + '/', data=json.dumps(members).encode(), method='POST', headers={
            'X-Amz-Target': 'AWSStepFunctions.' + action, 'Content-Type': 'application/x-amz-json-1.0'})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def rest(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        headers = {'Content-Type': 'application/json'} if data else {}  # the REST API takes JSON bodies only
        request = urllib.request.Request(self.endpoint + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def start(self, machine, name, value):
        return self.call('StartExecution', {'stateMachineArn': machine_arn(machine), 'name': name, 'input': json.dumps(value)})['executionArn']

    def describe(self, arn):
        return self.call('DescribeExecution', {'executionArn': arn})

    def history(self, arn):
        events, token = [], None
        while True:
            members = {'executionArn': arn, 'maxResults': 1000}
            if token:
                members['nextToken'] = token
            page = self.call('GetExecutionHistory', members)
            events += page['events']
            token = page.get('nextToken')
            if not token:
                return events

    def settled(self, arn, until, timeout=60):
        """Waits until `until(description, history)` holds; answers the description."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            description = self.describe(arn)
            if until(description, self.history(arn)):
                return description
            time.sleep(0.1)
        raise AssertionError(f'{arn} did not settle: {self.describe(arn)["status"]}')

    def finished(self, arn):
        return self.settled(arn, lambda description, _: description['status'] != 'RUNNING')

    def waiting(self, arn):
        """Until the execution sits in its Wait state."""
        return self.settled(arn, lambda _, events: events[-1]['type'] == 'WaitStateEntered')


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for argument in ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--window-size=1400,1000',
                     '--force-device-scale-factor=1']:
        options.add_argument(argument)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    return webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)


class Page:
    """The browser on one console page, with waits instead of sleeps."""

    def __init__(self, driver, endpoint):
        self.driver = driver
        self.endpoint = endpoint

    def open(self, hash_path):
        self.driver.get(self.endpoint + '/' + hash_path)
        self.wait(lambda: self.driver.execute_script('return document.readyState') == 'complete')
        return self

    def wait(self, condition, timeout=20, message='condition'):
        try:
            # Live pages redraw: an element found a moment ago may be gone, so a stale one means "look again".
            wait = WebDriverWait(self.driver, timeout, poll_frequency=0.05, ignored_exceptions=[StaleElementReferenceException])
            return wait.until(lambda _: condition())
        except Exception as error:
            raise AssertionError(f'timed out waiting for {message}') from error

    def all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def one(self, css, timeout=20):
        return self.wait(lambda: (self.all(css) or [None])[0], timeout, css)

    def texts(self, css):
        """The rendered text of every element matching `css`, read at one instant."""
        return self.script('return [...document.querySelectorAll(arguments[0])].map((element) => element.innerText)', css)

    def script(self, text, *arguments):
        return self.driver.execute_script(text, *arguments)

    def no_alert(self):
        try:
            alert = self.driver.switch_to.alert
            text = alert.text
            alert.dismiss()
            raise AssertionError(f'an alert opened: {text}')
        except NoAlertPresentException:
            return True

    def errors(self):
        """Messages the page's script logged as errors."""
        return [entry['message'] for entry in self.driver.get_log('browser') if entry['level'] == 'SEVERE']


def execution_hash(arn, **query):
    text = '#/executions/' + urllib.parse.quote(arn, safe='')
    return text + ('?' + urllib.parse.urlencode(query) if query else '')


def run(tests):
    """Runs each test in order, prints one line each and the summary line; answers the exit status."""
    passed = failed = 0
    for test in tests:
        started = time.monotonic()
        try:
            test()
            passed += 1
            print(f'ok   {test.__name__} ({time.monotonic() - started:.1f} s)', flush=True)
        except Exception:
            failed += 1
            print(f'FAIL {test.__name__}', flush=True)
            traceback.print_exc()
    print(f'console: {passed} passed, {failed} failed', flush=True)
    return 0 if failed == 0 and passed > 0 else 1
