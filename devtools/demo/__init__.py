"""The demo's data: `kern` (regio's, gemeenten, teams, users, dossiers) and per domain app its part, loaded by
`manage.py seed_demo` in the order of settings.DEMO_LADERS."""
