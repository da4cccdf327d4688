extension Assets {
    /// Starts the router.
    static let startScript = #"""

        window.addEventListener('hashchange', route);
        route();
        """#
}
