"""Tax-bureau case bulletins (税案通报) into records.

``cases`` reads an article's cases by sentence structure (the party, the bureau, the
amounts, the basis, a police referral, a 失信 listing); ``articles`` gets the articles out
of a crawl's table or a single text/HTML file; ``records`` merges a case reported twice
and writes ``TaxViolation`` (and ``MajorTaxViolation``) records. The extractor,
``tax_bulletins``, is :mod:`cscs.extract.lists.tax_bulletins` (the crawl is a table of
articles, read with the list machinery); ``registered`` registers it.
"""
