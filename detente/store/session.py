"""A store's connection to its DuckDB file: opening it (waiting out another process's lock), taking turns with
other processes (a transient store's readers and its one writer), sessions, transactions, and the two helpers
every statement goes through (``_rows``, ``_insert``). What is read and written is in ``reads``, ``writes`` and
``clustered``; ``db.Store`` puts them together."""

from __future__ import annotations

import fcntl
import functools
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, Self, TypeVar

import duckdb

from detente import datafiles
from detente.store import queries as q

# How long opening the store waits for another process's lock (a writer's batch commit, a reader's query).
LOCK_WAIT_S = 30.0
YIELD_POLL_S = 0.05  # how often an idle transient writer looks for a reader's request
_T = TypeVar("_T")


def _writer_lock(path: Path) -> IO[bytes]:
    """``PATH.writer.lock``, locked for this process: one writer per store at a time (see ``Session``)."""
    handle = open(f"{path}.writer.lock", "ab")  # noqa: SIM115 - held until Store.close
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise StoreError(f"{path}: another process is writing to this store (an ingest or a recluster); "
                         "run this when it has finished") from exc
    return handle


def writer_waiting(path: Path) -> bool:
    """Has a writer asked for a turn on the store at ``path`` (``PATH.write-request``)? The request is consumed:
    whoever holds the file answers by closing it, and a writer still locked out asks again on its next try."""
    try:
        Path(f"{path}.write-request").unlink()
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: let the writer in
    return True


class StoreError(RuntimeError):
    pass


def _schema_sql() -> str:
    return datafiles.read_text("detente.store", "schema.sql")


def in_session(method: Callable[..., _T]) -> Callable[..., _T]:
    """Run a store method on one connection: a transient store opens it for the call and closes it after."""

    @functools.wraps(method)
    def wrapper(self: Session, *args: Any, **kwargs: Any) -> _T:
        with self.session():
            return method(self, *args, **kwargs)

    return wrapper


class Session:
    """One store's connection to its DuckDB file, and the turns it takes with other processes.

    DuckDB lets one process at a time open a file for writing, and none may read it meanwhile. A *transient*
    store (``transient=True``, what ``detente.open_store`` gives) takes turns: a reader holds the file for one
    call (or one ``session()``), so an idle reader never blocks a writer; a reader that finds the file locked
    leaves a request (``PATH.read-request``) and waits with backoff, up to ``lock_wait`` seconds, then raises
    ``StoreError``; a writer keeps its connection between calls (no reopening per batch) until it sees a
    request at the end of a call (a batch's commit, a duplicate check), and then checkpoints and closes it (its
    commits wait in the write-ahead log until then, or until the log passes its threshold). A transient writer
    also takes ``PATH.writer.lock`` for its whole life, so a second writer gets a clear error at once instead of
    interleaving its batches. Docs: docs/DESIGN.md, "Readers during an ingest"."""

    def __init__(self, path: str | Path, *, read_only: bool = False, transient: bool = False,
                 lock_wait: float = LOCK_WAIT_S, ask_turn: bool = True, threads: int | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.transient = transient
        self.lock_wait = lock_wait
        self.ask_turn = ask_turn  # False: a locked file is waited for (or not) without asking its holder to yield
        self.threads = threads  # DuckDB's threads for this process's use of the file (None: one per core)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `detente ingest` first)")
        self._con: duckdb.DuckDBPyConnection | None = None
        self._depth = 0  # nested sessions
        self._request = Path(f"{self.path}.read-request")  # a waiting reader's request for a turn
        self._write_request = Path(f"{self.path}.write-request")  # a waiting writer's (a server holding the file)
        self._schema_done = read_only
        self._types: dict[str, dict[str, str]] = {}  # column types per table, for inserts
        self._writer_lock = None if read_only or not transient else _writer_lock(self.path)
        self._mutex = threading.Lock()  # a session, or the watcher closing the connection between sessions
        self._stopped = threading.Event()
        try:
            con = self.con  # open now: a missing or broken store fails here, not in the first call
        except BaseException:
            self.close()
            raise
        if transient and read_only:  # an idle reader holds nothing
            con.close()
            self._con = None
        if transient and not read_only:
            threading.Thread(target=self._yield_when_asked, name="detente-store-yield", daemon=True).start()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection (opened here, and then held until ``close``, when none is)."""
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _connect(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.lock_wait
        pause = 0.01
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=self.read_only)
                break
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise StoreError(f"{self.path}: cannot open store: {exc}") from exc
                if self.ask_turn:
                    self._ask_for_turn()
                if time.monotonic() >= deadline:
                    raise StoreError(f"{self.path}: the store stayed locked by another process for "
                                     f"{self.lock_wait:g} s (a long write such as a recluster?); try again later"
                                     ) from exc
                time.sleep(pause)
                pause = min(pause * 2, 0.25)
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot open store: {exc}") from exc
        if self.threads is not None:
            con.execute(q.THREADS_SQL.format(threads=self.threads))
        if not self.read_only:
            with suppress(OSError):
                self._write_request.unlink()  # in: a request left from the wait is answered
        if not self._schema_done:
            con.execute(_schema_sql())
            self._schema_done = True
        if self.transient and not self.read_only:
            for sql in q.TRANSIENT_WRITER_SQL:
                con.execute(sql)
        return con

    @contextmanager
    def session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One connection for everything inside (reads inside see one state of the store). Sessions nest; when
        the outermost ends, a transient reader closes the connection, and a transient writer closes it if a
        reader has asked for a turn (see ``Session``)."""
        if self._depth == 0:
            self._mutex.acquire()
        self._depth += 1
        try:
            yield self.con
        finally:
            self._depth -= 1
            if self._depth == 0:
                try:
                    if self.transient and (self.read_only or self._turn_asked()):
                        self._yield_file()
                finally:
                    self._mutex.release()

    def _drop(self) -> None:
        if self._con is not None:
            con, self._con = self._con, None
            con.close()

    def _yield_file(self) -> None:
        """Close the file for another process's turn. A writer checkpoints first: its log is allowed to grow to
        ``queries.TRANSIENT_WRITER_SQL``'s threshold between turns (so small batches do not each pay a
        checkpoint), and a reader that opened the file with that log would replay all of it."""
        if self._con is not None and not self.read_only:
            try:
                self._con.execute(q.CHECKPOINT_SQL)
            except duckdb.Error:
                pass  # the write-ahead log stays (the commits are safe in it); the reader replays it
        self._drop()

    def _yield_when_asked(self) -> None:
        """A transient writer's watcher: between calls, a reader's request closes the connection at once."""
        while not self._stopped.wait(YIELD_POLL_S):
            if self._con is not None and self._request.exists() and self._mutex.acquire(blocking=False):
                try:
                    if self._depth == 0 and self._turn_asked():
                        self._yield_file()
                finally:
                    self._mutex.release()

    def _turn_asked(self) -> bool:
        """Has a reader asked for a turn? The request is answered (and removed) by closing."""
        try:
            self._request.unlink()
        except FileNotFoundError:
            return False
        except OSError:
            return True  # cannot tell: let readers in
        return True

    def _ask_for_turn(self) -> None:
        """Leave a request for whoever holds the file: a reader asks a transient writer (``PATH.read-request``),
        a writer asks a server that holds the file to read (``PATH.write-request``, see ``writer_waiting``)."""
        try:
            (self._request if self.read_only else self._write_request).touch()
        except OSError:
            pass  # a read-only directory: the holder yields only when it closes

    def close(self) -> None:
        self._stopped.set()
        with self._mutex:
            if self._writer_lock is not None and self._con is not None:
                self._yield_file()  # a transient writer's last close leaves one self-contained file
            self._drop()
        if self._writer_lock is not None:
            self._writer_lock.close()
            self._writer_lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all (also on KeyboardInterrupt)."""
        with self.session():
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    def _rows(self, sql: str, params: dict[str, Any] | list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def _from_arrays(self, sql: str, lists_sql: str, name: str, table: dict[str, Any], *,
                     register: bool) -> list[tuple[Any, ...]]:
        """The rows of ``sql``, which reads ``table`` (one numpy array per column) registered as ``name``: DuckDB
        scans the arrays in place, where it turns list parameters into values one by one (bench/README.md,
        "Scale"). Without ``register``, ``lists_sql`` with the columns as list parameters: a transaction keeps every
        table it registered until it ends, which a recluster (one transaction) would pay in memory. DuckDB 2
        registers a table only when the connection's last result was read to the end."""
        if not register:
            return self.con.execute(lists_sql, {column: array.tolist() for column, array in table.items()}).fetchall()
        self.con.register(name, table)
        try:
            return self.con.execute(sql).fetchall()
        finally:
            self.con.unregister(name)

    def _insert(self, table: str, columns: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert many rows in one statement, column by column: each column travels as one list parameter, cast
        to its column's type and unnested. DuckDB runs ``executemany`` one row at a time, and multi-row ``VALUES``
        statements pay per placeholder; this is about three times faster again. ``table`` and ``columns`` are
        constants of ``queries``; every value is a parameter."""
        if not rows:
            return
        names = [c.strip() for c in columns.split(",")]
        if table not in self._types:
            self._types[table] = dict(self.con.execute(q.COLUMN_TYPES_SQL, [table]).fetchall())
        types = self._types[table]
        selects = ", ".join(f"unnest(CAST(${i} AS {types[name]}[]))" for i, name in enumerate(names, 1))
        self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {selects}",
                         [list(col) for col in zip(*rows, strict=True)])

    def cursor(self) -> Self:
        """This store over another connection to the same open database. A DuckDB connection serves one thread
        at a time and each sees only committed transactions: a server reads through these, one per thread,
        while its one writer ingests."""
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        other.transient = False  # the server's one store owns the file; its cursors take no turns
        other._con = self.con.cursor()
        other._depth = 0
        other._writer_lock = None
        other._mutex = threading.Lock()
        other._stopped = threading.Event()
        other._types = {}
        return other

