extension Assets {
    /// The one HTML document: the frame (header, navigation, the live mark, the error banner) and the links to the
    /// stylesheet and the script. Pages are drawn by the script from the address's `#/…` part, so every page has a
    /// URL of its own.
    static let page = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Stepwise console</title>
        <link rel="icon" href="/console/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/console/app.css">
        <script src="/console/app.js" defer></script>
        </head>
        <body>
        <header class="top">
        <a class="brand" href="#/state-machines">Stepwise</a>
        <nav>
        <a href="#/state-machines" data-nav="state-machines">State machines</a>
        <a href="#/executions" data-nav="executions">Executions</a>
        <a href="#/jobs" data-nav="jobs">Jobs</a>
        </nav>
        <span id="live" class="live" aria-live="polite"></span>
        </header>
        <div id="error" class="error-banner" role="alert" hidden></div>
        <main id="main"><noscript>The Stepwise console needs JavaScript.</noscript></main>
        </body>
        </html>
        """#

    /// The tab's icon.
    static let icon = #"""
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1b2733"/><path d="M8 9h10M14 16h10M8 23h10" stroke="#51cf66" stroke-width="3" stroke-linecap="round"/></svg>
        """#
}
