"""Listed-company disclosures and rosters of party-state bodies: what Lin & Milhaupt's
study needs about a firm, read from the documents that state it.

- ``annual_report``: annual reports (PDF or text) — officers and their terms, their
  posts in party-state bodies, the top shareholders, the actual controller, the
  totals of the financial statements;
- ``articles_of_association``: charters (公司章程) — the party-building clause and
  the year it was added;
- ``exchange``: exchange data as JSON (cninfo's company executives and profile);
- ``roster`` (a list, ``extract/lists/roster.py``): published rosters of NPC and CPPCC
  deputies and of officials.

``bodies`` recognises posts in party-state bodies in any text; ``cells`` and
``pages`` read tables and pages. Importing ``registered`` registers the extractors
(the registry does), so this package itself has no side effects.
"""
