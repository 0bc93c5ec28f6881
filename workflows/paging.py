"""Pages of the office lists that cost the same at page 1 and page 100 of a million cases.

A page is read in two steps: first the ids of its rows alone (and the count), which the lists' covering indexes
answer without reading the table (migration 0004 for tasks, applications 0008 for the surname search); then only
those rows, with whatever the list selects related. Read in one step, every skipped row of a deep page was joined to
its process, case process and application first: page 100 of an office queue took about 300 ms of database time at
1,000,000 cases, and about 1 ms this way.

The count is exact up to `COUNT_CAP` rows (or up to the page asked for, if that is deeper); a longer list says "more
than 1,000", as Django's admin does with `show_full_result_count = False`. The exact `COUNT(*)` of one office's
15,800 open tasks at 1,000,000 cases cost 22–34 ms, more than all the other database work of the page together, and
nobody works a queue by its total: it is worked from its nearest deadline (the supervisor's dashboard has the
backlog per stage and officer).
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

PAGE_SIZE = 25
#: Rows counted exactly before a list says "more than …".
COUNT_CAP = 1000


def rows_by_id(items: QuerySet, start: int, stop: int) -> list:
    """Rows `start:stop` of the ordered queryset `items`: their ids first, then those rows in the same order."""
    ids = list(items.values_list("pk", flat=True)[start:stop])
    if not ids:
        return []
    return list(items.filter(pk__in=ids))


class IdFirstPaginator(Paginator):
    """Django's paginator, with each page read by `rows_by_id` and a count that stops after `cap` rows."""

    def __init__(self, object_list, per_page, cap: int | None = None, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cap = COUNT_CAP if cap is None else cap
        self.shown_cap = self.cap

    @cached_property
    def count(self) -> int:
        """The rows up to `cap` + 1: `LIMIT` in a subquery, so the database stops reading at the cap.

        Counted unordered: in the list's order a selective filter (a permit and purpose) had to be read through the
        office's whole deadline index to find its few matches; without an order the planner takes the index that
        narrows the filter."""
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def is_capped(self) -> bool:
        """True when the list is longer than `cap` (its total is then unknown, and not shown)."""
        return self.count > self.cap

    def get_page(self, number) -> Page:
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 1
        # A deep page is counted at least to its own end, so that it and its next page are known to exist ("more
        # than …" still says the usual cap: `shown_cap`).
        self.cap = max(self.cap, min(wanted, 10**6) * self.per_page)
        return super().get_page(number)

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(rows_by_id(self.object_list, bottom, top), number, self)


def page_of(items: QuerySet, number) -> Page:
    """One page of an office list; a missing or bad page number gives the first page, one past the end the last."""
    return IdFirstPaginator(items, PAGE_SIZE).get_page(number)
