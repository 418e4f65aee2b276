"""Practice quality dashboards: indicators per practice and period, shown to each audience in its own form."""
