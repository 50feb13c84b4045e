"""``cscs serve``: a web explorer for scores and their provenance.

Find a firm, see its score and grade under a rubric on any date, and follow every
point back to the place in the document it came from (a PDF page with the row boxed,
the row of a table, the sentence of a text). ``cscs compare`` in the browser (two
``RUBRIC@DATE`` sides, the grade migration, every firm, a what-if), rubrics side by side,
the population as charts, and a read-only SPARQL 1.1 endpoint at ``/sparql``. Every
number is the one scorer's (:class:`cscs.api.Graph`); the pages only arrange it. Server-rendered HTML and
hand-written SVG over WSGI: nothing to build, nothing fetched at run time.
"""

from .app import Explorer, make_wsgi_server, serve

__all__ = ["Explorer", "make_wsgi_server", "serve"]
