extension Assets {
    /// The console's styles. State colours match the graph's (`StateStatus.colours`).
    static let stylesheet = #"""
        :root {
          --ink: #212529; --muted: #6c757d; --line: #dee2e6; --paper: #ffffff; --wash: #f8f9fa; --accent: #1c7ed6;
          --ok: #2f9e44; --bad: #e03131; --warn: #f59f00;
          font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 14px; color: var(--ink); background: var(--wash);
        }
        * { box-sizing: border-box; }
        body { margin: 0; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        .top { display: flex; align-items: center; gap: 24px; padding: 0 24px; height: 48px; background: #1b2733; color: #fff; }
        .top .brand { color: #fff; font-weight: 700; font-size: 16px; }
        .top nav { display: flex; gap: 4px; }
        .top nav a { color: #ced4da; padding: 6px 12px; border-radius: 4px; }
        .top nav a.current, .top nav a:hover { color: #fff; background: #2c3e50; text-decoration: none; }
        .live { margin-left: auto; font-size: 12px; color: #ced4da; }
        .live.on::before { content: "●"; color: #51cf66; margin-right: 6px; }
        .error-banner { background: #ffe0e0; color: #7a1414; padding: 8px 24px; border-bottom: 1px solid #ffa8a8; }
        main { padding: 16px 24px 48px; max-width: 1600px; }
        h1 { font-size: 22px; margin: 8px 0 16px; }
        h2 { font-size: 15px; margin: 0 0 12px; }
        h3 { font-size: 14px; margin: 0 0 8px; }
        h4 { font-size: 12px; margin: 12px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .crumbs { color: var(--muted); margin-top: 4px; }
        .heading { display: flex; align-items: center; gap: 16px; }
        .heading h1 { margin-right: auto; }
        .panel { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 16px; margin: 16px 0; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        .columns .panel { margin: 0; min-width: 0; }
        .facts { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 0 0 8px; }
        .facts dt { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .facts dd { margin: 2px 0 0; }
        .mono, code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12px; }
        .muted { color: var(--muted); }
        .empty { color: var(--muted); padding: 16px 0; }
        .ok { color: var(--ok); }
        table.list { border-collapse: collapse; width: 100%; background: var(--paper); }
        table.list th { text-align: left; font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line);
          padding: 6px 8px; }
        table.list td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
        table.list tr:hover td { background: #f1f3f5; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11px; font-weight: 600; background: #e9ecef;
          color: #495057; white-space: nowrap; }
        .st-running { background: #dbe9ff; color: #0b3d73; }
        .st-succeeded, .st-completed, .st-ok { background: #dcf5e3; color: #1b4d2a; }
        .st-failed, .st-error { background: #ffe0e0; color: #7a1414; }
        .st-timed_out, .st-caught { background: #ffe8cc; color: #7a3306; }
        .st-aborted, .st-cancelled { background: #ece6f5; color: #3b2480; }
        .st-queued, .st-pending, .st-retried, .st-warning { background: #fff9db; color: #664d03; }
        .counts { display: inline-flex; flex-wrap: wrap; gap: 8px; }
        .count { display: inline-flex; align-items: center; gap: 4px; }
        .count .number { color: var(--ink); font-variant-numeric: tabular-nums; }
        .filters { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 12px; }
        .filter { display: flex; align-items: center; gap: 6px; color: var(--muted); }
        select, input { font: inherit; padding: 4px 8px; border: 1px solid #ced4da; border-radius: 4px; background: #fff; }
        input[type=number] { width: 72px; }
        button { font: inherit; padding: 4px 12px; border: 1px solid #ced4da; border-radius: 4px; background: #fff; cursor: pointer; }
        button:hover:not(:disabled) { background: #f1f3f5; }
        button:disabled { color: #adb5bd; cursor: default; }
        button.danger { border-color: var(--bad); color: var(--bad); }
        button.danger:hover:not(:disabled) { background: #ffe0e0; }
        button.linky { border: none; background: none; color: var(--accent); padding: 0 4px; }
        button.toggle { border: none; background: none; padding: 0 4px; color: var(--muted); }
        .confirm { display: inline-flex; align-items: center; gap: 8px; }
        .question { font-weight: 600; }
        .error-text { color: var(--bad); }
        .pager { display: flex; align-items: center; gap: 8px; margin: 12px 0; }
        .graph-row { display: flex; gap: 16px; align-items: flex-start; }
        .graph-box { flex: 1 1 auto; min-width: 0; }
        .zoom { display: flex; align-items: center; gap: 4px; margin: 0 0 6px; }
        .zoom button { padding: 2px 10px; }
        .graph { overflow: auto; max-height: 75vh; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
        .graph svg { display: block; margin: 0 auto; }
        .graph g.sw-state { cursor: pointer; }
        .graph g.sw-state:focus { outline: none; }
        .graph g.sw-state:hover rect, .graph g.sw-state:hover polygon, .graph g.sw-state:focus rect { stroke-width: 3; }
        .graph g.sw-selected > rect, .graph g.sw-selected > polygon { stroke: #1b2733; stroke-width: 3.5; }
        .state-panel { flex: 0 0 360px; max-width: 40%; }
        .failure { background: #fff5f5; border: 1px solid #ffc9c9; border-radius: 4px; padding: 8px 12px; margin: 8px 0; }
        .failure .cause { white-space: pre-wrap; margin: 4px 0 0; }
        pre.code { background: var(--wash); border: 1px solid var(--line); border-radius: 4px; padding: 8px; margin: 0; max-height: 360px;
          overflow: auto; white-space: pre-wrap; word-break: break-word; }
        .listing { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12px; margin: 12px 0 0; padding: 8px 8px 8px 56px;
          background: var(--wash); border: 1px solid var(--line); border-radius: 4px; max-height: 70vh; overflow: auto; }
        .listing li { white-space: pre; color: #495057; }
        .listing li::marker { color: #adb5bd; }
        .listing code { color: var(--ink); }
        .listing li.diag-error { background: #ffe0e0; }
        .listing li.diag-warning { background: #fff9db; }
        .listing li.flash { outline: 2px solid var(--accent); }
        .diagnostics { list-style: none; padding: 0; margin: 0; }
        .diagnostics li { padding: 4px 0; }
        table.events tr.ev-bad td { color: #c92a2a; }
        table.events tr.ev-good td:nth-child(2) { color: #2b8a3e; }
        table.events tr.detail td { background: var(--wash); }
        .details { margin: 0; }
        .details > div { margin: 4px 0; }
        .details dt { font-weight: 600; font-size: 12px; }
        .details dd { margin: 2px 0 8px; }
        @media (max-width: 900px) {
          .columns { grid-template-columns: 1fr; }
          .graph-row { flex-direction: column; }
          .state-panel { max-width: none; }
        }
        """#
}
