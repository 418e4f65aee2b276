"""Home: what needs the signed-in person, gathered from the domains beneath it.

- `todo.py`: the kinds of thing to do and `gather`, which reads each kind through its domain's policy (and so
  under the caller's row-level security) in a fixed number of statements however long the list;
- `graphql.py`: `viewer { toDo }`.
It stores nothing and changes nothing: every item is a view of records the domains keep.
"""
