"""Registers the tax_bulletins extractor (imported by the registry, like the disclosures')."""

from ..lists.tax_bulletins import TaxBulletinList
from ..registry import register

register(TaxBulletinList())
