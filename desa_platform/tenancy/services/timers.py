"""Platform timers that must run once per period however many app nodes fire them.

Every node carries the same systemd timers (deploy/systemd/), so a nightly backup timer fires on each. The first
node to insert the (name, period) row runs the work; the others see the row and skip. A node that dies mid-run
leaves an unfinished row: after `stall` another node takes it over in one UPDATE, so a crash delays the work
instead of losing the period. Per-node work (nginx's media map, its certificates) does not go through here.
"""

import datetime
import socket
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import TimerRun

STALL = datetime.timedelta(hours=2)


@dataclass
class TimerOutcome:
    ran: bool
    run: TimerRun


def period_start(every: datetime.timedelta, now: datetime.datetime | None = None) -> datetime.datetime:
    """The start of the period `now` falls in, counted from the Unix epoch (periods line up across nodes)."""
    now = now or timezone.now()
    epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
    return epoch + ((now - epoch) // every) * every


def _claim(name: str, start: datetime.datetime, node: str, stall: datetime.timedelta) -> tuple[bool, TimerRun]:
    now = timezone.now()
    try:
        with transaction.atomic():
            return True, TimerRun.objects.create(name=name, period_start=start, node=node, started_at=now)
    except IntegrityError:
        pass
    # Taken: only an unfinished run whose node went quiet may be taken over, and only by one node.
    taken_over = TimerRun.objects.filter(
        name=name, period_start=start, finished_at__isnull=True, started_at__lt=now - stall
    ).update(node=node, started_at=now)
    return bool(taken_over), TimerRun.objects.get(name=name, period_start=start)


def run_once(
    name: str, every: datetime.timedelta, work: Callable[[], object], stall: datetime.timedelta = STALL
) -> TimerOutcome:
    """Run `work` unless another node already ran (or is running) it in this period."""
    node = socket.gethostname()
    ran, run = _claim(name, period_start(every), node, stall)
    if not ran:
        return TimerOutcome(ran=False, run=run)
    try:
        work()
    except BaseException as error:
        TimerRun.objects.filter(pk=run.pk).update(finished_at=timezone.now(), ok=False, error=repr(error)[:2000])
        raise
    TimerRun.objects.filter(pk=run.pk).update(finished_at=timezone.now(), ok=True)
    run.refresh_from_db()
    return TimerOutcome(ran=True, run=run)


def parse_every(text: str) -> datetime.timedelta:
    """'15m', '1h', '1d', '7d' → a period; anything else is refused."""
    units = {"m": "minutes", "h": "hours", "d": "days"}
    number, unit = text[:-1], text[-1:]
    if unit not in units or not number.isdigit() or int(number) < 1:
        raise ValueError(f"Periode '{text}' tidak dikenal: tulis angka dan m, h atau d, mis. 15m, 1h, 1d.")
    return datetime.timedelta(**{units[unit]: int(number)})
