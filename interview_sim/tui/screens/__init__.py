"""One screen per phase: home, rules, question, time-up, results, review, history; modals."""
