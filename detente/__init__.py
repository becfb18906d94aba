"""detente: political event data for a pair of countries.

The public API (see README): ``load`` a pipeline and ``code`` text, ``read`` documents, ``ingest`` them into a
store, and read ``events``, their ``evidence`` and ``documents`` back as typed records.
"""

# The verbs' names are written once, in detente.api's ``__all__``: imported under its own name, mypy reads the
# package's exports from it (a list built any other way it cannot read), and it is copied below, never changed.
from detente.api import *  # noqa: F403
from detente.api import __all__ as __all__
from detente.records import Actor, DateResolution, Document, Event, Location, Mention, RunReport, Sentence

__version__ = "0.1.0"

__all__ = [*__all__, "Actor", "DateResolution", "Document", "Event", "Location", "Mention", "RunReport", "Sentence",
           "__version__"]
__all__.remove("accepted")  # the reader's filter of documents stays detente.api's, as it always was
