"""Registers the disclosure extractors and the roster list (imported by the registry)."""

from ..lists.roster import RosterList
from ..registry import Extractor, register
from .annual_report import AnnualReport
from .charter import ArticlesOfAssociation
from .exchange import ExchangeData

EXTRACTORS: list[type[Extractor]] = [AnnualReport, ArticlesOfAssociation, ExchangeData, RosterList]

for _cls in EXTRACTORS:
    register(_cls())
