"""A blind corpus for measuring the extractors on layouts they were not written against.

Written from knowledge of how real publishers lay out annual reports, court documents and
list records, without reading the extractors or the project's own generators. See
``corpus.generate`` and ``bench/blind_accuracy.py``; ``FINDINGS.md`` lists what the dev
part shows.
"""
