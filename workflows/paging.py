"""Pages of the office lists that cost the same at page 1 and page 100 of a million cases.

A page is read in two steps: first the ids of the list's leading rows alone (their number is the count, a slice of
them the page), which the lists' covering indexes answer without reading the table (migrations 0005 and 0017 for
tasks, applications 0008 for the surname search); then only the page's rows, with whatever the list selects related.
Read in one step, every skipped row of a deep page was joined to its process, case process and application first:
page 100 of an office queue took about 300 ms of database time at 1,000,000 cases, and about 1 ms this way.

The count is exact up to `COUNT_CAP` rows (or up to the page asked for, if that is deeper); a longer list says "more
than 1,000", as Django's admin does with `show_full_result_count = False`. The exact `COUNT(*)` of one office's
15,800 open tasks at 1,000,000 cases cost 22–34 ms, more than all the other database work of the page together, and
nobody works a queue by its total: it is worked from its nearest deadline (the supervisor's dashboard has the
backlog per stage and officer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

PAGE_SIZE = 25
#: Rows counted exactly before a list says "more than …".
COUNT_CAP = 1000


#: Reads the rows of the given ids (in any order): a list's own, narrower query for its rows.
RowReader = Callable[[list], Iterable]


def rows_of_ids(items: QuerySet, ids: list, read: RowReader | None = None) -> list:
    """The rows `ids` of `items`, in the order of `ids`.

    `read` reads the rows by id alone: the ids already carry the list's filters and order, so the second query need
    not compile, plan and run them again (a task list's rows query took 2.7 ms of its 8 to compile at 1,000,000
    cases). Without it the rows are `items` narrowed to the ids."""
    if not ids:
        return []
    if read is None:
        return list(items.filter(pk__in=ids))
    found = {row.pk: row for row in read(ids)}
    return [found[pk] for pk in ids if pk in found]


def rows_by_id(items: QuerySet, start: int, stop: int, read: RowReader | None = None) -> list:
    """Rows `start:stop` of the ordered queryset `items`: their ids first, then those rows in the same order."""
    return rows_of_ids(items, list(items.values_list("pk", flat=True)[start:stop]), read)


class IdFirstPaginator(Paginator):
    """Django's paginator, counting and paging from one read of the list's leading ids, at most `cap` + 1 of them.

    The ids in the list's order, up to the cap (or the end of the page asked for), are one index range: their number
    is the count, and the page's rows are a slice of them. A separate `COUNT(*)` and a page query with `OFFSET` read
    the same index entries twice, and cost a second query to compile, plan and run."""

    def __init__(self, object_list, per_page, cap: int | None = None, read: RowReader | None = None, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.read = read
        self.cap = COUNT_CAP if cap is None else cap
        self.shown_cap = self.cap

    @cached_property
    def leading_ids(self) -> list:
        """The ids of the first `cap` + 1 rows: `LIMIT`, so the database stops reading at the cap."""
        return list(self.object_list.values_list("pk", flat=True)[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        """The rows up to `cap` + 1."""
        return len(self.leading_ids)

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
        return self._get_page(rows_of_ids(self.object_list, self.leading_ids[bottom:top], self.read), number, self)


def page_of(items: QuerySet, number, read: RowReader | None = None) -> Page:
    """One page of an office list; a missing or bad page number gives the first page, one past the end the last.
    `read`: see `rows_of_ids`."""
    return IdFirstPaginator(items, PAGE_SIZE, read=read).get_page(number)
