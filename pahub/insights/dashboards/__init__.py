"""One module per dashboard; each defines `DASHBOARD` (`pahub.insights.dashboard.Dashboard`)."""
